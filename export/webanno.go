package export

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io"
	"strconv"

	"github.com/google/uuid"

	"clipper/model"
)

// The JSON-LD contexts of Web Annotation output. Clipper's own keys (tag
// kind, tag id, attribute name) live under the prefix "clipper:", which
// expands to urn:clipper:.
const (
	annoContext    = "http://www.w3.org/ns/anno.jsonld"
	clipperPrefix  = "urn:clipper:"
	textPlainMedia = "text/plain"
)

// WriteWebAnnotation writes d as one W3C Web Annotation AnnotationCollection
// (JSON-LD). The collection embeds its only page as "first" with all items
// inline — the simplest form the data model allows — and its id is derived
// from the annotation ids, so the same annotations give the same id.
//
// Each annotation has motivation "tagging", creator {type Person, name} from
// its coder, created/modified (UTC), and a target whose source is
// "urn:uuid:<clipping id>" with a TextQuoteSelector (exact, and 32 code
// points of prefix and suffix) and a TextPositionSelector (code points,
// end-exclusive). Its body is a list of TextualBody resources:
//   - purpose "tagging": value = tag name, "clipper:kind", "clipper:tag" (tag URN);
//   - purpose "commenting": the note (text/plain), when there is one;
//   - purpose "describing": one per attribute set (speaker, claimant, status,
//     comparator, value, low, high, unit), naming it in "clipper:attribute";
//     numbers are given as decimal strings.
//
// Names, notes and attributes are cleaned of control characters (notes keep
// line breaks and tabs); the selectors quote the body verbatim.
func WriteWebAnnotation(ctx context.Context, w io.Writer, d *Dataset, progress func(done, total int)) (Report, error) {
	var rep Report
	ix, err := newIndex(ctx, d)
	if err != nil {
		return rep, err
	}
	defer ix.close()
	bw := bufio.NewWriterSize(w, 64<<10)
	id, err := collectionID(ctx, ix)
	if err != nil {
		return rep, err
	}
	head := struct {
		Context string `json:"@context"`
		ID      string `json:"id"`
		Type    string `json:"type"`
		Label   string `json:"label"`
		Total   int    `json:"total"`
	}{annoContext, "urn:uuid:" + id.String(), "AnnotationCollection", collectionLabel(d), ix.live}
	b, err := json.Marshal(head)
	if err != nil {
		return rep, fmt.Errorf("encode collection: %w", err)
	}
	page := uuid.NewSHA1(id, []byte("page:1"))
	_, _ = bw.Write(b[:len(b)-1]) // leave the object open for "first"
	_, _ = fmt.Fprintf(bw, ",\"first\":{\"id\":\"urn:uuid:%s\",\"type\":\"AnnotationPage\",\"startIndex\":0,\"items\":[", page)

	var text textIndex
	cur := -1
	seen := 0
	err = ix.each(ctx, walkSpec{body: true}, progress, func(ci int, c *model.Clipping, a *model.Annotation) error {
		if ci != cur {
			cur = ci
			text.reset(c.Body)
			seen++
		}
		if !text.inRange(a.Start, a.End) {
			rep.warn("annotation %s: span %d–%d lies outside clipping %s (%d code points); its stored quote is used",
				a.ID, a.Start, a.End, c.ID, text.runes)
		}
		item := webAnnotation(ix, &text, c, a)
		b, err := json.Marshal(item)
		if err != nil {
			return fmt.Errorf("encode annotation %s: %w", a.ID, err)
		}
		sep := ",\n"
		if rep.Annotations == 0 {
			sep = "\n"
		}
		_, _ = bw.WriteString(sep)
		if _, err := bw.Write(b); err != nil {
			return fmt.Errorf("write annotation %s: %w", a.ID, err)
		}
		rep.Annotations++
		return nil
	})
	if err != nil {
		return rep, err
	}
	_, _ = bw.WriteString("\n]}}\n")
	if err := bw.Flush(); err != nil {
		return rep, fmt.Errorf("write annotation collection: %w", err)
	}
	rep.Clippings = seen
	if progress != nil {
		progress(ix.live, ix.live)
	}
	return rep, nil
}

type waAnnotation struct {
	Context    []any     `json:"@context"`
	ID         string    `json:"id"`
	Type       string    `json:"type"`
	Motivation string    `json:"motivation"`
	Creator    *waPerson `json:"creator,omitempty"`
	Created    string    `json:"created,omitempty"`
	Modified   string    `json:"modified,omitempty"`
	Body       []waBody  `json:"body"`
	Target     waTarget  `json:"target"`
}

type waPerson struct {
	ID   string `json:"id,omitempty"`
	Type string `json:"type"`
	Name string `json:"name,omitempty"`
}

type waBody struct {
	Type      string `json:"type"`
	Purpose   string `json:"purpose"`
	Value     string `json:"value"`
	Format    string `json:"format,omitempty"`
	Attribute string `json:"clipper:attribute,omitempty"`
	Kind      string `json:"clipper:kind,omitempty"`
	Tag       string `json:"clipper:tag,omitempty"`
}

type waTarget struct {
	Source   string `json:"source"`
	Selector []any  `json:"selector"`
}

type waQuote struct {
	Type   string `json:"type"`
	Exact  string `json:"exact"`
	Prefix string `json:"prefix"`
	Suffix string `json:"suffix"`
}

type waPosition struct {
	Type  string `json:"type"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// webAnnotation builds the Web Annotation of a; text indexes c's body.
func webAnnotation(ix *index, text *textIndex, c *model.Clipping, a *model.Annotation) waAnnotation {
	t := ix.tag(a)
	out := waAnnotation{
		Context:    []any{annoContext, map[string]string{"clipper": clipperPrefix}},
		ID:         urn(a.ID),
		Type:       "Annotation",
		Motivation: "tagging",
		Created:    isoTime(a.CreatedAt),
		Modified:   isoTime(a.UpdatedAt),
	}
	if a.CoderID != "" {
		out.Creator = &waPerson{ID: urn(a.CoderID), Type: "Person", Name: cleanLine(ix.coderName[a.CoderID])}
	}
	out.Body = append(out.Body, waBody{Type: "TextualBody", Purpose: "tagging", Value: cleanLine(t.Name), Kind: string(t.Kind), Tag: urn(t.ID)})
	if a.Note != "" {
		out.Body = append(out.Body, waBody{Type: "TextualBody", Purpose: "commenting", Value: cleanText(a.Note), Format: textPlainMedia})
	}
	describe := func(name, value string) {
		if value != "" {
			out.Body = append(out.Body, waBody{Type: "TextualBody", Purpose: "describing", Attribute: name, Value: cleanLine(value)})
		}
	}
	number := func(p *float64) string {
		if p == nil {
			return ""
		}
		return strconv.FormatFloat(*p, 'f', -1, 64)
	}
	describe("speaker", a.Speaker)
	describe("claimant", a.Claimant)
	describe("status", string(a.Status))
	describe("comparator", a.Comparator)
	describe("value", number(a.Value))
	describe("low", number(a.Low))
	describe("high", number(a.High))
	describe("unit", a.Unit)

	quote := waQuote{Type: "TextQuoteSelector", Exact: a.Exact, Prefix: a.Prefix, Suffix: a.Suffix}
	if text.inRange(a.Start, a.End) {
		quote.Exact = text.slice(a.Start, a.End)
		quote.Prefix = text.slice(max(0, a.Start-model.AnchorContext), a.Start)
		quote.Suffix = text.slice(a.End, min(text.runes, a.End+model.AnchorContext))
	}
	out.Target = waTarget{
		Source:   urn(c.ID),
		Selector: []any{quote, waPosition{Type: "TextPositionSelector", Start: a.Start, End: a.End}},
	}
	return out
}

// collectionID derives the collection's UUID from the ids of the
// annotations it holds, in order (a first pass over them).
func collectionID(ctx context.Context, ix *index) (uuid.UUID, error) {
	h := sha256.New()
	err := ix.each(ctx, walkSpec{brief: true}, nil, func(_ int, _ *model.Clipping, a *model.Annotation) error {
		h.Write([]byte(a.ID))
		h.Write([]byte{0})
		return nil
	})
	if err != nil {
		return uuid.UUID{}, err
	}
	return uuid.NewSHA1(namespace(), append([]byte("collection:"), h.Sum(nil)...)), nil
}

// collectionLabel names the collection after the project file.
func collectionLabel(d *Dataset) string {
	if d.ProjectName == "" {
		return "Clipper annotations"
	}
	return "Clipper annotations: " + d.ProjectName
}
