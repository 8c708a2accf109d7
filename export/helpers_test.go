package export

import (
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"clipper/model"
	"clipper/model/testenv"
)

// testID makes a fixed, valid UUID: kind tells clippings, tags, coders and
// annotations apart.
func testID(kind, n int) string { return fmt.Sprintf("%08x-0000-4000-8000-%012x", kind, n) }

const (
	kindClip = 0xc1
	kindTag  = 0x7a
	kindCode = 0xc0
	kindAnn  = 0xa0
)

// Bodies of the invented clippings: accents, emoji, curly quotes, a
// formula-looking sentence and three paragraphs.
const (
	body1 = "Prices rose sharply in 2023. The minister said “we will act now” on Tuesday.\n\n" +
		"Électricité costs went up by 12.5 % 🔥 according to the regulator. Critics disagree!\n\n" +
		"=SUM(A1) is not a formula here. Temperatures fell to -5 degrees overnight."
	body2 = "Nothing was annotated in this short note about café prices."
	body3 = "« Nous ne reculerons pas », a déclaré la ministre. Le déficit atteint 5,1 %."
)

// span returns the code point offsets of the first occurrence of sub in body.
func span(t testing.TB, body, sub string) (int, int) {
	t.Helper()
	i := strings.Index(body, sub)
	if i < 0 {
		t.Fatalf("%q not in body", sub)
	}
	s := utf8.RuneCountInString(body[:i])
	return s, s + utf8.RuneCountInString(sub)
}

func fp(v float64) *float64 { return &v }

// sampleDataset is a small project: three clippings (one without
// annotations), the default tags plus a custom one, two coders and six
// annotations touching every kind and awkward texts.
func sampleDataset(t testing.TB) *Dataset {
	t.Helper()
	paris := time.FixedZone("CET", 3600)
	created := time.Date(2024, 3, 2, 10, 30, 0, 0, time.UTC)
	d := &Dataset{
		ProjectName:   "energy.clip",
		SchemaVersion: 3,
		Creator:       "Ana Lima",
		Clippings: []model.Clipping{
			{ID: testID(kindClip, 1), Body: body1, Metadata: model.Metadata{
				Publication: "The Daily Ledger", Headline: "Énergie: bills climb 🔥 “again”", Deck: "A deck",
				Authors: []string{"Anne Dupré", "Jo Smith"}, Credit: "Staff", Dateline: "PARIS",
				Date: "2024-03-01", URL: "https://example.org/energy", Section: "Economy", Page: "A4", Language: "en",
				SourceID: "LN-4711", Details: []model.Field{{Key: "LOAD-DATE", Value: "March 2, 2024"}}},
				SourceName: "ledger-2024-03-01.txt", ImportedAt: created, CreatedAt: created, UpdatedAt: created},
			{ID: testID(kindClip, 2), Body: body2, Metadata: model.Metadata{Publication: "Note", Date: ""},
				CreatedAt: created, UpdatedAt: created},
			{ID: testID(kindClip, 3), Body: body3, Metadata: model.Metadata{
				Publication: "Le Quotidien", Headline: "La ministre tient bon", Date: "2024-02-29"},
				CreatedAt: created, UpdatedAt: created},
		},
		Coders: []model.Coder{
			{ID: testID(kindCode, 1), Name: "Ana Lima"},
			{ID: testID(kindCode, 2), Name: "Ben Okafor"},
		},
	}
	for i, tag := range model.DefaultTags() {
		tag.ID = testID(kindTag, i+1)
		d.Tags = append(d.Tags, tag)
	}
	d.Tags = append(d.Tags, model.Tag{ID: testID(kindTag, 4), Name: "follow-up", Kind: model.KindCustom,
		Color: "#6A1B9A", Description: "Check later, \"soon\" & carefully"})

	add := func(n, clip, tag, coder int, body, sub string, attrs model.Attributes, at time.Time) {
		s, e := span(t, body, sub)
		exact, prefix, suffix, err := model.Anchor(body, s, e)
		if err != nil {
			t.Fatal(err)
		}
		d.Annotations = append(d.Annotations, model.Annotation{
			ID: testID(kindAnn, n), ClippingID: testID(kindClip, clip), TagID: testID(kindTag, tag),
			CoderID: testID(kindCode, coder), Start: s, End: e, Exact: exact, Prefix: prefix, Suffix: suffix,
			BodyHash: model.HashBody(body), Attributes: attrs, CreatedAt: at, UpdatedAt: at.Add(time.Hour),
		})
	}
	add(1, 1, 1, 1, body1, "Prices rose sharply in 2023", model.Attributes{
		Claimant: "the ministry", Status: model.StatusTrue,
		Note: "He said \"maybe\",\nthen left;\tchecked\x07 twice\r\nok"}, created)
	add(2, 1, 2, 2, body1, "we will act now", model.Attributes{Speaker: "The minister"}, created.In(paris))
	add(3, 1, 3, 1, body1, "12.5 %", model.Attributes{Value: fp(12.5), Unit: "%"}, created)
	add(4, 1, 3, 2, body1, "-5 degrees", model.Attributes{Comparator: "range", Low: fp(-6), High: fp(-4), Unit: "°C",
		Note: "=HYPERLINK(\"http://evil\")"}, created)
	add(5, 1, 4, 1, body1, "=SUM(A1)", model.Attributes{Note: "@mention ＝1+1"}, created)
	add(6, 3, 1, 2, body3, "Le déficit atteint 5,1 %", model.Attributes{Claimant: "la ministre",
		Status: model.StatusMisleading}, created)
	return d
}

// requireTool returns the path of an external program the tests need.
// When it is missing the test is skipped with a line saying what to
// install, except in CI (CI=true), where it fails.
func requireTool(t testing.TB, name, install string) string {
	t.Helper()
	return testenv.Tool(t, name, install+", or make test-deps")
}

// clippingWithBody is a bare clipping.
func clippingWithBody(id, body string) model.Clipping {
	return model.Clipping{ID: id, Body: body, Metadata: model.Metadata{Publication: "Test"}}
}

// annotationOver is a claim by the first coder covering all of body.
func annotationOver(d *Dataset, id, clipID, body string) model.Annotation {
	n := utf8.RuneCountInString(body)
	return model.Annotation{ID: id, ClippingID: clipID, TagID: d.Tags[0].ID, CoderID: d.Coders[0].ID,
		Start: 0, End: n, Exact: body}
}

// annotationLike shortens closures over annotations in tests.
type annotationLike = model.Annotation
