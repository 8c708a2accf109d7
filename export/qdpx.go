package export

import (
	"archive/zip"
	"bufio"
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"clipper/model"
	"clipper/model/store"
)

// REFI-QDA namespaces.
const (
	projectNS  = "urn:QDA-XML:project:1.0"
	codebookNS = "urn:QDA-XML:codebook:1.0"
)

// WriteQDPX writes d as a REFI-QDA project: a ZIP holding project.qde
// (UTF-8 XML without BOM, namespace urn:QDA-XML:project:1.0) and, per
// clipping, sources/<guid>.txt holding exactly its body (UTF-8, no BOM) —
// the text the positions count into.
//
// Mapping: coders → Users (guid = coder id); tags → CodeBook Codes (guid =
// tag id, isCodable, color); clipping metadata → Variables (publication,
// date as Date, headline, deck, authors, credit, dateline, url, source,
// words as Integer) with a VariableValue on each TextSource; clippings →
// TextSource (guid = clipping id, plainTextPath internal://<guid>.txt,
// creatingUser = the exporting coder when known, since Clipper does not
// record who imported a clipping); annotations → PlainTextSelection (guid =
// annotation id, name = exact text, code point positions) with a
// Description of "key=value" lines (tag, kind, attributes, the note last)
// and a Coding whose guid is UUIDv5(Clipper namespace, "coding:"+annotation
// id) and whose CodeRef points at the tag. Ids that are not UUIDs are mapped
// to UUIDv5(Clipper namespace, "id:"+id); GUIDs never change between exports.
func WriteQDPX(ctx context.Context, w io.Writer, d *Dataset, progress func(done, total int)) (Report, error) {
	var rep Report
	ix, err := newIndex(ctx, d)
	if err != nil {
		return rep, err
	}
	defer ix.close()
	zw := zip.NewWriter(w)
	now := ix.now()
	qde, err := zw.CreateHeader(&zip.FileHeader{Name: "project.qde", Method: zip.Deflate, Modified: now})
	if err != nil {
		return rep, fmt.Errorf("qdpx: add project.qde: %w", err)
	}
	bw := bufio.NewWriterSize(qde, 64<<10)
	if err := writeProject(ctx, bw, ix, now, &rep, progress); err != nil {
		return rep, err
	}
	if err := bw.Flush(); err != nil {
		return rep, fmt.Errorf("qdpx: write project.qde: %w", err)
	}
	err = ix.src.walk(ctx, walkSpec{body: true}, func(it *store.WalkItem) error {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("export cancelled while writing sources: %w", err)
		}
		c := &it.Clipping
		f, err := zw.CreateHeader(&zip.FileHeader{Name: "sources/" + guid(c.ID) + ".txt", Method: zip.Deflate, Modified: now})
		if err != nil {
			return fmt.Errorf("qdpx: add source of clipping %s: %w", c.ID, err)
		}
		if _, err := io.WriteString(f, c.Body); err != nil {
			return fmt.Errorf("qdpx: write source of clipping %s: %w", c.ID, err)
		}
		rep.Clippings++
		return nil
	})
	if err != nil {
		return rep, err
	}
	if err := zw.Close(); err != nil {
		return rep, fmt.Errorf("qdpx: finish archive: %w", err)
	}
	if progress != nil {
		progress(ix.live, ix.live)
	}
	return rep, nil
}

// qdaVariable is a clipping metadata field written as a REFI-QDA Variable.
type qdaVariable struct {
	name, typ string
	value     func(c *model.Clipping) string
}

func qdaVariables() []qdaVariable {
	return []qdaVariable{
		{"publication", "Text", func(c *model.Clipping) string { return c.Publication }},
		{"date", "Date", func(c *model.Clipping) string { return c.Date }},
		{"headline", "Text", func(c *model.Clipping) string { return c.Headline }},
		{"deck", "Text", func(c *model.Clipping) string { return c.Deck }},
		{"authors", "Text", func(c *model.Clipping) string { return strings.Join(c.Authors, "; ") }},
		{"credit", "Text", func(c *model.Clipping) string { return c.Credit }},
		{"dateline", "Text", func(c *model.Clipping) string { return c.Dateline }},
		{"url", "Text", func(c *model.Clipping) string { return c.URL }},
		{"section", "Text", func(c *model.Clipping) string { return c.Section }},
		{"page", "Text", func(c *model.Clipping) string { return c.Page }},
		{"language", "Text", func(c *model.Clipping) string { return c.Language }},
		{"source_id", "Text", func(c *model.Clipping) string { return c.SourceID }},
		{"source", "Text", func(c *model.Clipping) string { return c.SourceName }},
		{"words", "Integer", func(c *model.Clipping) string { return strconv.Itoa(wordCount(c.Body)) }},
	}
}

// writeProject writes project.qde with its children in the schema's order.
func writeProject(ctx context.Context, bw *bufio.Writer, ix *index, now time.Time, rep *Report, progress func(done, total int)) error {
	d := ix.d
	x := &xmlWriter{w: bw}
	creator := ""
	for _, c := range d.Coders {
		if c.Name == d.Creator && d.Creator != "" {
			creator = guid(c.ID)
			break
		}
	}
	name := "Clipper project"
	if d.ProjectName != "" {
		name = strings.TrimSuffix(d.ProjectName, filepath.Ext(d.ProjectName))
	}
	_, _ = bw.WriteString(`<?xml version="1.0" encoding="utf-8"?>`)
	x.open("Project", req("xmlns", projectNS), req("name", name), req("origin", "Clipper"),
		opt("creatingUserGUID", creator), req("creationDateTime", isoTime(now)))

	if len(d.Coders) > 0 {
		// QualCoder takes the first User as the person now coding: the
		// exporting coder comes first, then the rest in the dataset's order.
		x.open("Users")
		for _, first := range []bool{true, false} {
			for _, c := range d.Coders {
				if (guid(c.ID) == creator) == first {
					x.empty("User", req("guid", guid(c.ID)), opt("name", c.Name))
				}
			}
		}
		x.close("Users")
	}
	if len(d.Tags) > 0 {
		x.open("CodeBook")
		writeCodes(x, d.Tags)
		x.close("CodeBook")
	}
	vars := qdaVariables()
	x.open("Variables")
	for _, v := range vars {
		x.open("Variable", req("guid", variableGUID(v.name)), req("name", v.name), req("typeOfVariable", v.typ))
		x.text("Description", "Clipping "+v.name+" (from Clipper)")
		x.close("Variable")
	}
	x.close("Variables")

	// Sources, one per clipping; then the notes of the selections written
	// there, read again (only the annotations with a note).
	done, sources := 0, false
	err := ix.src.walk(ctx, walkSpec{body: true, annotations: true, brief: true}, func(it *store.WalkItem) error {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("export cancelled after %d of %d annotations: %w", done, ix.live, err)
		}
		if !sources {
			x.open("Sources")
			sources = true
		}
		if err := writeSource(x, ix, it, creator, vars, rep); err != nil {
			return err
		}
		done += len(it.Annotations)
		if progress != nil {
			progress(done, ix.live)
		}
		return nil
	})
	if err != nil {
		return err
	}
	if sources {
		x.close("Sources")
	}
	if err := writeNotes(ctx, x, ix); err != nil {
		return err
	}
	x.text("Description", fmt.Sprintf("Exported by Clipper from the project file %s (schema version %d).", d.ProjectName, d.SchemaVersion))
	x.close("Project")
	_ = bw.WriteByte('\n')
	return nil
}

// writeCodes writes the Codes element of a codebook (project or .qdc).
func writeCodes(x *xmlWriter, tags []model.Tag) {
	x.open("Codes")
	for _, t := range tags {
		color := ""
		if hexColor(t.Color) {
			color = strings.ToUpper(t.Color)
		}
		attrs := []attr{req("guid", guid(t.ID)), req("name", t.Name), req("isCodable", "true"), opt("color", color)}
		if t.Description == "" {
			x.empty("Code", attrs...)
			continue
		}
		x.open("Code", attrs...)
		x.text("Description", t.Description)
		x.close("Code")
	}
	x.close("Codes")
}

// writeNotes writes the Notes element: one Note per annotation note (of
// the selections written, in their order), named after the annotated
// text, so NVivo, ATLAS.ti and MAXQDA show them as notes (memos) linked
// to their codings.
func writeNotes(ctx context.Context, x *xmlWriter, ix *index) error {
	open := false
	err := ix.src.walk(ctx, walkSpec{body: true, annotations: true, brief: true, annotated: true, withNote: true}, func(it *store.WalkItem) error {
		runes := utf8.RuneCountInString(it.Clipping.Body)
		for k := range it.Annotations {
			a := &it.Annotations[k]
			if _, ok := ix.tagPos[a.TagID]; !ok || !inText(a, runes) {
				continue // not written as a selection (see writeSource)
			}
			if !open {
				x.open("Notes")
				open = true
			}
			user := ""
			if _, ok := ix.coderPos[a.CoderID]; ok {
				user = guid(a.CoderID)
			}
			x.open("Note", req("guid", noteGUID(a.ID)), req("name", "Note on “"+shorten(cleanLine(a.Exact), 80)+"”"),
				opt("creatingUser", user), opt("creationDateTime", isoTime(a.CreatedAt)),
				opt("modifyingUser", user), opt("modifiedDateTime", isoTime(a.UpdatedAt)))
			x.text("PlainTextContent", a.Note)
			x.close("Note")
		}
		return nil
	})
	if err != nil {
		return err
	}
	if open {
		x.close("Notes")
	}
	return nil
}

// inText reports whether a's span lies inside a text of runes code points.
func inText(a *model.Annotation, runes int) bool {
	return a.Start >= 0 && a.Start < a.End && a.End <= runes
}

// writeSource writes a clipping as a TextSource with its selections and
// variable values.
func writeSource(x *xmlWriter, ix *index, it *store.WalkItem, creator string, vars []qdaVariable, rep *Report) error {
	c := &it.Clipping
	id := guid(c.ID)
	name := c.Headline
	if name == "" {
		name = strings.TrimSpace(c.Publication + " " + c.Date)
	}
	if name == "" {
		name = c.ID
	}
	created := c.ImportedAt
	if created.IsZero() {
		created = c.CreatedAt
	}
	x.open("TextSource", req("guid", id), req("name", name), req("plainTextPath", "internal://"+id+".txt"),
		opt("creatingUser", creator), opt("creationDateTime", isoTime(created)), opt("modifiedDateTime", isoTime(c.UpdatedAt)))
	runes := utf8.RuneCountInString(c.Body)
	for k := range it.Annotations {
		a := &it.Annotations[k]
		if _, ok := ix.tagPos[a.TagID]; !ok {
			return fmt.Errorf("export: annotation %s refers to tag %q, which is not in the dataset", a.ID, a.TagID)
		}
		t := ix.tag(a)
		if !inText(a, runes) {
			rep.warn("annotation %s: span %d–%d lies outside clipping %s (%d code points); left out of the REFI-QDA project",
				a.ID, a.Start, a.End, c.ID, runes)
			continue
		}
		user := ""
		if _, ok := ix.coderPos[a.CoderID]; ok {
			user = guid(a.CoderID)
		}
		x.open("PlainTextSelection", req("guid", guid(a.ID)), req("name", shorten(a.Exact, 200)),
			req("startPosition", strconv.Itoa(a.Start)), req("endPosition", strconv.Itoa(a.End)),
			opt("creatingUser", user), opt("creationDateTime", isoTime(a.CreatedAt)),
			opt("modifyingUser", user), opt("modifiedDateTime", isoTime(a.UpdatedAt)))
		x.text("Description", selectionDescription(t, a))
		x.open("Coding", req("guid", codingGUID(a.ID)), opt("creatingUser", user), opt("creationDateTime", isoTime(a.CreatedAt)))
		x.empty("CodeRef", req("targetGUID", guid(t.ID)))
		if a.Note != "" {
			x.empty("NoteRef", req("targetGUID", noteGUID(a.ID)))
		}
		x.close("Coding")
		x.close("PlainTextSelection")
		rep.Annotations++
	}
	for _, v := range vars {
		val := strings.TrimSpace(v.value(c))
		if val == "" {
			continue
		}
		elem := "TextValue"
		switch v.typ {
		case "Date":
			if _, ok := parseDate(val); !ok {
				rep.warn("clipping %s: date %q is not YYYY-MM-DD; left out of the REFI-QDA variables", c.ID, val)
				continue
			}
			elem = "DateValue"
		case "Integer":
			elem = "IntegerValue"
		}
		x.open("VariableValue")
		x.empty("VariableRef", req("targetGUID", variableGUID(v.name)))
		x.text(elem, val)
		x.close("VariableValue")
	}
	x.close("TextSource")
	return nil
}

// selectionDescription is the memo of a selection: "key=value" lines for
// the tag, its kind and every attribute set, the note last (it may span
// lines).
func selectionDescription(t *model.Tag, a *model.Annotation) string {
	var b strings.Builder
	line := func(k, v string) {
		if v != "" {
			b.WriteString(k)
			b.WriteByte('=')
			b.WriteString(cleanLine(v))
			b.WriteByte('\n')
		}
	}
	number := func(p *float64) string {
		if p == nil {
			return ""
		}
		return strconv.FormatFloat(*p, 'f', -1, 64)
	}
	line("tag", t.Name)
	line("kind", string(t.Kind))
	line("speaker", a.Speaker)
	line("claimant", a.Claimant)
	line("status", string(a.Status))
	line("comparator", a.Comparator)
	line("value", number(a.Value))
	line("low", number(a.Low))
	line("high", number(a.High))
	line("unit", a.Unit)
	if a.Note != "" {
		b.WriteString("note=")
		b.WriteString(a.Note)
		b.WriteByte('\n')
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// WriteQDC writes d's tags as a REFI-QDA codebook (.qdc): UTF-8 XML in the
// namespace urn:QDA-XML:codebook:1.0, one Code per tag (guid = tag id,
// name, isCodable, color, Description). The schema requires at least one
// code, so a dataset without tags is an error. Annotations are not written;
// progress is called once at the end.
func WriteQDC(ctx context.Context, w io.Writer, d *Dataset, progress func(done, total int)) (Report, error) {
	var rep Report
	ix, err := newIndex(ctx, d)
	if err != nil {
		return rep, err
	}
	defer ix.close()
	d = ix.d
	if len(d.Tags) == 0 {
		return rep, fmt.Errorf("qdc: the dataset has no tags, and a REFI-QDA codebook needs at least one code")
	}
	if err := ctx.Err(); err != nil {
		return rep, fmt.Errorf("export cancelled: %w", err)
	}
	bw := bufio.NewWriter(w)
	x := &xmlWriter{w: bw}
	_, _ = bw.WriteString(`<?xml version="1.0" encoding="utf-8"?>`)
	x.open("CodeBook", req("xmlns", codebookNS), req("origin", "Clipper"))
	writeCodes(x, d.Tags)
	x.close("CodeBook")
	_ = bw.WriteByte('\n')
	if err := bw.Flush(); err != nil {
		return rep, fmt.Errorf("qdc: write: %w", err)
	}
	if progress != nil {
		progress(ix.live, ix.live)
	}
	return rep, nil
}
