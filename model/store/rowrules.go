package store

import (
	"fmt"
	"strings"

	"github.com/google/uuid"

	"clipper/model"
)

// The checks of this file are the rules a stored row must meet: the same
// rules as local input (names, metadata, attributes, spans), plus the
// shape every row Clipper writes has (ids, timestamps, hashes). A merge
// applies them to every row of a colleague's file, Diagnose to the
// project's own rows.

// checkID checks a row id: a UUID in canonical form, as newID writes it.
func checkID(id string) error {
	if canonicalUUID(id) {
		return nil // the common case, without parsing and formatting
	}
	u, err := uuid.Parse(id)
	if err != nil || u.String() != id {
		return fmt.Errorf("%s is not a Clipper id", describe(id))
	}
	return nil
}

// canonicalUUID reports whether id is a UUID in the form uuid.UUID.String
// writes (lowercase hex, hyphens at 8, 13, 18 and 23), which checkID
// accepts; false says only that the slow check must decide.
func canonicalUUID(id string) bool {
	if len(id) != 36 {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		switch i {
		case 8, 13, 18, 23:
			if c != '-' {
				return false
			}
		default:
			if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
				return false
			}
		}
	}
	return true
}

// isHexHash reports whether h is a hex SHA-256 as model.HashBody writes it.
func isHexHash(h string) bool {
	if len(h) != 64 {
		return false
	}
	for i := 0; i < len(h); i++ {
		if c := h[i]; (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

// ruleError strips the ErrInvalid prefix from a local-input error, for a
// problem sentence.
func ruleError(err error) string {
	return strings.TrimPrefix(err.Error(), ErrInvalid.Error()+": ")
}

// ruleErrorOf is ruleError without the leading "tag name", "coder name"…
// of what, which cells.bad already writes as the column.
func ruleErrorOf(err error, what, col string) string {
	return strings.TrimPrefix(ruleError(err), what+" "+col+" ")
}

// coderCols are the columns decodeCoder reads.
const coderCols = `rowid, id, name, created_at, updated_at`

// coderRow is a coder as stored.
type coderRow struct {
	ID, Name, CreatedAt, UpdatedAt string
}

// decodeCoder reads a coder row.
func decodeCoder(c *cells) coderRow {
	return coderRow{ID: c.text("id"), Name: c.text("name"), CreatedAt: c.stamp("created_at"), UpdatedAt: c.stamp("updated_at")}
}

// checkCoder checks a decoded coder against the rules.
func checkCoder(c *cells, r coderRow) {
	if err := checkID(r.ID); err != nil {
		c.bad("id", "%v", err)
	}
	if n, err := cleanName("coder", r.Name); err != nil {
		c.bad("name", "%s", ruleErrorOf(err, "coder", "name"))
	} else if n != r.Name {
		c.bad("name", "%s has spaces around it", describe(r.Name))
	}
}

// decodeTag reads a tag row (tagCols, plus rowid).
func decodeTag(c *cells) tagState {
	t := tagState{ID: c.text("id"), Name: c.text("name"), Kind: c.text("kind"), Color: c.text("color"),
		Description: c.text("description"), Shortcut: c.text("shortcut"), CreatedAt: c.stamp("created_at"),
		UpdatedAt: c.stamp("updated_at"), DeletedAt: c.nullStamp("deleted_at")}
	switch c.raw("builtin") {
	case int64(0):
	case int64(1):
		t.Builtin = true
	default:
		c.bad("builtin", "is %s, not 0 or 1", describe(c.raw("builtin")))
	}
	return t
}

// checkTagRow checks a decoded tag against the rules.
func checkTagRow(c *cells, t tagState) {
	if err := checkID(t.ID); err != nil {
		c.bad("id", "%v", err)
	}
	// checkTag stops at the first problem: each column is checked on its
	// own, so that every bad one is reported and repaired.
	ok := model.Tag{Name: "x", Kind: model.KindCustom}
	probes := []struct {
		col string
		tag model.Tag
	}{{"name", model.Tag{Name: t.Name, Kind: model.KindCustom}}, {"kind", model.Tag{Name: "x", Kind: model.Kind(t.Kind)}},
		{"color", ok}, {"shortcut", ok}, {"description", ok}}
	probes[2].tag.Color, probes[3].tag.Shortcut, probes[4].tag.Description = t.Color, t.Shortcut, t.Description
	for _, p := range probes {
		n, err := checkTag(p.tag)
		switch {
		case err != nil:
			c.bad(p.col, "%s", ruleErrorOf(err, "tag", p.col))
		case p.col == "name" && n != t.Name:
			c.bad("name", "%s has spaces around it", describe(t.Name))
		}
	}
}

// decodeClipping reads a clipping row (clipCols, plus rowid; with
// original when orig).
func decodeClipping(c *cells, orig bool) model.Clipping {
	var k model.Clipping
	k.ID, k.BodyHash = c.text("id"), c.text("body_hash")
	m := &k.Metadata
	for _, f := range []struct {
		col string
		to  *string
	}{{"publication", &m.Publication}, {"headline", &m.Headline}, {"deck", &m.Deck}, {"credit", &m.Credit},
		{"dateline", &m.Dateline}, {"date", &m.Date}, {"url", &m.URL}, {"section", &m.Section},
		{"language", &m.Language}, {"page", &m.Page}, {"source_id", &m.SourceID}, {"source_name", &k.SourceName}} {
		*f.to = c.text(f.col)
	}
	m.Words = c.integer("words")
	c.jsonList("authors", &m.Authors)
	c.jsonList("captions", &m.Captions)
	c.jsonList("details", &m.Details)
	k.ImportedAt = parseTimeOrZero(c.stamp("imported_at"))
	k.CreatedAt = parseTimeOrZero(c.stamp("created_at"))
	k.UpdatedAt = parseTimeOrZero(c.stamp("updated_at"))
	if _, ok := c.names["body"]; ok {
		k.Body = c.text("body")
	}
	if orig {
		switch x := c.raw("original").(type) {
		case []byte:
			k.Original = x
		case string:
			k.Original = []byte(x)
		case nil:
		default:
			c.bad("original", "is %s, not the bytes of a file", describe(x))
		}
	}
	return k
}

// checkClippingRow checks a decoded clipping against the rules; body
// says whether k.Body was read.
func checkClippingRow(c *cells, k model.Clipping, body bool) {
	if err := checkID(k.ID); err != nil {
		c.bad("id", "%v", err)
	}
	if _, err := checkMetadata(k.Metadata); err != nil {
		col := "metadata"
		switch {
		case strings.Contains(err.Error(), "date "):
			col = "date"
		case strings.Contains(err.Error(), "language "):
			col = "language"
		case strings.Contains(err.Error(), "detail "):
			col = "details"
		case strings.Contains(err.Error(), "words "):
			col = "words"
		}
		c.bad(col, "%s", ruleError(err))
	}
	if body {
		switch {
		case k.Body == "":
			c.bad("body", "is empty")
		case model.HashBody(k.Body) != k.BodyHash:
			c.bad("body", "does not match its hash %s: the text was altered outside Clipper", describe(k.BodyHash))
		}
	} else if !isHexHash(k.BodyHash) {
		c.bad("body_hash", "%s is not a SHA-256", describe(k.BodyHash))
	}
}

// decodeAnn reads an annotation row (annCols).
func decodeAnn(c *cells) annState {
	a := annState{rid: c.rowid, ID: c.text("id"), ClippingID: c.text("clipping_id"), TagID: c.text("tag_id"),
		CoderID: c.text("coder_id"), Start: c.integer("start"), End: c.integer("end"), Exact: c.text("exact"),
		Prefix: c.text("prefix"), Suffix: c.text("suffix"), BodyHash: c.text("body_hash"), Speaker: c.text("speaker"),
		Claimant: c.text("claimant"), Status: c.text("status"), Value: c.real("value"), Low: c.real("low"),
		High: c.real("high"), Unit: c.text("unit"), Comparator: c.text("comparator"), Note: c.text("note"),
		Origin: c.text("origin"), AnchorStatus: c.text("anchor_status"), AnchorQuote: c.text("anchor_quote"),
		CreatedAt: c.stamp("created_at"), UpdatedAt: c.stamp("updated_at"), DeletedAt: c.nullStamp("deleted_at")}
	return a
}

// checkAnnRow checks what the rules say of a decoded annotation without
// its clipping's text: ids, span shape, attributes.
func checkAnnRow(c *cells, a annState) {
	for _, f := range [...]struct{ col, v string }{{"id", a.ID}, {"clipping_id", a.ClippingID}, {"tag_id", a.TagID},
		{"coder_id", a.CoderID}} {
		if err := checkID(f.v); err != nil {
			c.bad(f.col, "%v", err)
		}
	}
	if !hasProblem(c, "start", "end") && (a.Start < 0 || a.End <= a.Start) {
		c.bad("start", "span %d–%d is empty or negative", a.Start, a.End)
	}
	if a.Exact == "" {
		c.bad("exact", "is empty")
	}
	if !isHexHash(a.BodyHash) {
		c.bad("body_hash", "%s is not a SHA-256", describe(a.BodyHash))
	}
	switch a.AnchorStatus {
	case "", "remapped", "fuzzy", "orphan":
	default:
		c.bad("anchor_status", "%s is not one of remapped, fuzzy, orphan", describe(a.AnchorStatus))
	}
	at := model.Attributes{Speaker: a.Speaker, Claimant: a.Claimant, Status: model.Status(a.Status), Value: a.Value,
		Low: a.Low, High: a.High, Unit: a.Unit, Comparator: a.Comparator, Note: a.Note}
	if err := checkAttributes(at); err != nil {
		col := "attributes"
		switch {
		case strings.Contains(err.Error(), "status"):
			col = "status"
		case strings.Contains(err.Error(), "comparator"):
			col = "comparator"
		}
		c.bad(col, "%s", ruleError(err))
		if col == "status" && !model.ValidComparator(a.Comparator) { // Validate stops at the status
			c.bad("comparator", "unknown comparator %s", describe(a.Comparator))
		}
	}
}

// checkSpan checks an annotation against the text of its clipping, as
// code points: the span inside it and, for a live annotation anchored as
// made, exact equal to the text there. It returns false when exact
// differs (the span moved: the annotation is to be re-anchored, not
// refused); a span outside the text is a problem of the row.
func checkSpan(c *cells, a annState, text []rune) bool {
	if a.Start < 0 || a.End <= a.Start || a.End > len(text) {
		c.bad("end", "span %d–%d lies outside its clipping's text (%d characters)", a.Start, a.End, len(text))
		return true
	}
	if a.DeletedAt != nil || a.AnchorStatus == "orphan" {
		return true // a tombstone's text is never shown; an orphan keeps the text it was made on
	}
	return runesEqual(text[a.Start:a.End], a.Exact)
}

// runesEqual reports whether the code points rs spell s, without
// allocating.
func runesEqual(rs []rune, s string) bool {
	i := 0
	for _, r := range s {
		if i >= len(rs) || rs[i] != r {
			return false
		}
		i++
	}
	return i == len(rs)
}

// rejectionCols are the columns decodeRejection reads.
const rejectionCols = `rowid, id, clipping_id, coder_id, kind, start, "end", text, created_at, updated_at`

// decodeRejection reads a rejections row and checks it.
func decodeRejection(c *cells) rejectionRow {
	r := rejectionRow{id: c.text("id"), clipping: c.text("clipping_id"), coder: c.text("coder_id"), kind: c.text("kind"),
		start: c.integer("start"), end: c.integer("end"), text: c.text("text"), created: c.stamp("created_at"),
		updated: c.stamp("updated_at")}
	for col, v := range map[string]string{"id": r.id, "clipping_id": r.clipping, "coder_id": r.coder} {
		if err := checkID(v); err != nil {
			c.bad(col, "%v", err)
		}
	}
	if r.kind == "" {
		c.bad("kind", "is empty")
	}
	if !hasProblem(c, "start", "end") && (r.start < 0 || r.end <= r.start) {
		c.bad("start", "span %d–%d is empty or negative", r.start, r.end)
	}
	return r
}

// reason joins the problems of a row into one sentence.
func reason(ps []Problem) string {
	parts := make([]string, len(ps))
	for i, p := range ps {
		parts[i] = p.Problem
	}
	return strings.Join(parts, "; ")
}
