package export

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"clipper/model"
)

// Decoded shapes of the output, just what the tests look at.
type jsCollection struct {
	Context string `json:"@context"`
	ID      string `json:"id"`
	Type    string `json:"type"`
	Label   string `json:"label"`
	Total   int    `json:"total"`
	First   struct {
		ID         string         `json:"id"`
		Type       string         `json:"type"`
		StartIndex *int           `json:"startIndex"`
		Items      []jsAnnotation `json:"items"`
	} `json:"first"`
}

type jsAnnotation struct {
	Context    []json.RawMessage `json:"@context"`
	ID         string            `json:"id"`
	Type       string            `json:"type"`
	Motivation string            `json:"motivation"`
	Creator    struct {
		ID, Type, Name string
	} `json:"creator"`
	Created  string `json:"created"`
	Modified string `json:"modified"`
	Body     []struct {
		Type      string `json:"type"`
		Purpose   string `json:"purpose"`
		Value     string `json:"value"`
		Format    string `json:"format"`
		Attribute string `json:"clipper:attribute"`
		Kind      string `json:"clipper:kind"`
		Tag       string `json:"clipper:tag"`
	} `json:"body"`
	Target struct {
		Source   string `json:"source"`
		Selector []struct {
			Type   string  `json:"type"`
			Exact  *string `json:"exact"`
			Prefix *string `json:"prefix"`
			Suffix *string `json:"suffix"`
			Start  *int    `json:"start"`
			End    *int    `json:"end"`
		} `json:"selector"`
	} `json:"target"`
}

func writeJSON(t *testing.T, d *Dataset) (jsCollection, []byte) {
	t.Helper()
	var buf bytes.Buffer
	rep, err := WriteWebAnnotation(context.Background(), &buf, d, nil)
	if err != nil {
		t.Fatalf("WriteWebAnnotation: %v", err)
	}
	if rep.Annotations != len(d.Annotations) {
		t.Errorf("report counts %d annotations", rep.Annotations)
	}
	var c jsCollection
	dec := json.NewDecoder(bytes.NewReader(buf.Bytes()))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&c); err != nil {
		t.Fatalf("decode: %v\n%s", err, buf.String())
	}
	return c, buf.Bytes()
}

func TestWebAnnotationCollection(t *testing.T) {
	d := sampleDataset(t)
	c, raw := writeJSON(t, d)
	if c.Context != "http://www.w3.org/ns/anno.jsonld" || c.Type != "AnnotationCollection" || c.Total != 6 ||
		c.Label != "Clipper annotations: energy.clip" || !strings.HasPrefix(c.ID, "urn:uuid:") {
		t.Errorf("collection = %+v", c)
	}
	if c.First.Type != "AnnotationPage" || c.First.StartIndex == nil || *c.First.StartIndex != 0 ||
		!strings.HasPrefix(c.First.ID, "urn:uuid:") || len(c.First.Items) != 6 {
		t.Errorf("page = %+v with %d items", c.First, len(c.First.Items))
	}
	// The id depends on the annotations, not on the moment of export.
	again, _ := writeJSON(t, d)
	if again.ID != c.ID {
		t.Error("collection id changes between exports")
	}
	fewer, _ := writeJSON(t, d.Select(Filter{TagNames: []string{"claim"}}))
	if fewer.ID == c.ID {
		t.Error("different annotations share a collection id")
	}
	if !json.Valid(raw) {
		t.Error("output is not valid JSON")
	}
}

func TestWebAnnotationItems(t *testing.T) {
	d := sampleDataset(t)
	c, _ := writeJSON(t, d)
	bodies := map[string]string{}
	for _, cl := range d.Clippings {
		bodies["urn:uuid:"+cl.ID] = cl.Body
	}
	for i, it := range c.First.Items {
		a := d.Annotations[i]
		if it.ID != "urn:uuid:"+a.ID || it.Type != "Annotation" || it.Motivation != "tagging" {
			t.Errorf("item %d: id %q type %q motivation %q", i, it.ID, it.Type, it.Motivation)
		}
		if len(it.Context) != 2 || string(it.Context[0]) != `"http://www.w3.org/ns/anno.jsonld"` ||
			!strings.Contains(string(it.Context[1]), `"clipper":"urn:clipper:"`) {
			t.Errorf("item %d: @context %s", i, it.Context)
		}
		if it.Created != "2024-03-02T10:30:00Z" || it.Modified != "2024-03-02T11:30:00Z" {
			t.Errorf("item %d: created %q modified %q, want UTC", i, it.Created, it.Modified)
		}
		if it.Creator.Type != "Person" || it.Creator.Name == "" || it.Creator.ID != "urn:uuid:"+a.CoderID {
			t.Errorf("item %d: creator %+v", i, it.Creator)
		}
		// Selectors slice the body: positions in code points, quote with context.
		body, ok := bodies[it.Target.Source]
		if !ok {
			t.Fatalf("item %d: unknown source %q", i, it.Target.Source)
		}
		runes := []rune(body)
		var quote, exactFromPos string
		for _, s := range it.Target.Selector {
			switch s.Type {
			case "TextPositionSelector":
				exactFromPos = string(runes[*s.Start:*s.End])
				if *s.Start != a.Start || *s.End != a.End {
					t.Errorf("item %d: position %d–%d, want %d–%d", i, *s.Start, *s.End, a.Start, a.End)
				}
			case "TextQuoteSelector":
				quote = *s.Exact
				if !strings.Contains(body, *s.Prefix+*s.Exact+*s.Suffix) {
					t.Errorf("item %d: prefix+exact+suffix not found in the body", i)
				}
				wantPrefix := string(runes[max(0, a.Start-model.AnchorContext):a.Start])
				if *s.Prefix != wantPrefix {
					t.Errorf("item %d: prefix %q, want %q", i, *s.Prefix, wantPrefix)
				}
			default:
				t.Errorf("item %d: unexpected selector %q", i, s.Type)
			}
		}
		if quote == "" || quote != exactFromPos || quote != a.Exact {
			t.Errorf("item %d: quote %q, position slice %q, annotation %q", i, quote, exactFromPos, a.Exact)
		}
	}
}

func TestWebAnnotationBodies(t *testing.T) {
	d := sampleDataset(t)
	c, _ := writeJSON(t, d)
	type b struct{ purpose, attr, value string }
	tests := []struct {
		item int
		want []b
	}{
		{0, []b{{"tagging", "", "claim"}, {"commenting", "", "He said \"maybe\",\nthen left;\tchecked twice\nok"},
			{"describing", "claimant", "the ministry"}, {"describing", "status", "true"}}},
		{1, []b{{"tagging", "", "quote"}, {"describing", "speaker", "The minister"}}},
		{2, []b{{"tagging", "", "figure"}, {"describing", "value", "12.5"}, {"describing", "unit", "%"}}},
		{3, []b{{"tagging", "", "figure"}, {"commenting", "", "=HYPERLINK(\"http://evil\")"},
			{"describing", "comparator", "range"}, {"describing", "low", "-6"}, {"describing", "high", "-4"},
			{"describing", "unit", "°C"}}},
	}
	for _, tt := range tests {
		it := c.First.Items[tt.item]
		if len(it.Body) != len(tt.want) {
			t.Errorf("item %d: %d bodies, want %d: %+v", tt.item, len(it.Body), len(tt.want), it.Body)
			continue
		}
		for j, w := range tt.want {
			got := it.Body[j]
			if got.Type != "TextualBody" || got.Purpose != w.purpose || got.Attribute != w.attr || got.Value != w.value {
				t.Errorf("item %d body %d = %+v, want %+v", tt.item, j, got, w)
			}
		}
		if tag := it.Body[0]; tag.Kind == "" || tag.Tag != "urn:uuid:"+d.Annotations[tt.item].TagID {
			t.Errorf("item %d: tag body %+v lacks kind or tag id", tt.item, tag)
		}
		if len(it.Body) > 1 && it.Body[1].Purpose == "commenting" && it.Body[1].Format != "text/plain" {
			t.Errorf("item %d: note format %q", tt.item, it.Body[1].Format)
		}
	}
}
