package store

import (
	"context"
	"reflect"
	"testing"
	"time"

	"clipper/model"
)

func TestClippingRoundTrip(t *testing.T) {
	s := newProject(t)
	ctx := context.Background()
	imported := time.Date(2024, 5, 3, 10, 11, 12, 123456789, time.FixedZone("CEST", 7200))
	c := &model.Clipping{
		Metadata: model.Metadata{
			Publication: "Le Monde", Headline: "Café prices", Deck: "A deck", Authors: []string{"A. Author", "B. Écrivain"},
			Credit: "AFP", Dateline: "PARIS", Date: "2024-05-03", URL: "https://example.org/a?b=c#d",
			Captions: []model.Caption{{Credit: "Photo X", Text: "A café"}},
		},
		Body: "Café ☕ prices rose.", Original: []byte{0xff, 0x00, 'r', 't', 'f'}, SourceName: "a.rtf", ImportedAt: imported,
	}
	r, err := s.AddClipping(ctx, c)
	if err != nil {
		t.Fatal(err)
	}
	if r.Duplicate || r.ID == "" || r.ID != c.ID || r.Headline != "Café prices" {
		t.Fatalf("AddResult = %+v (clipping ID %q)", r, c.ID)
	}
	if c.BodyHash != model.HashBody(c.Body) || c.CreatedAt.IsZero() || c.UpdatedAt.IsZero() {
		t.Errorf("fields not set: hash %q created %v", c.BodyHash, c.CreatedAt)
	}
	if !c.ImportedAt.Equal(imported.Truncate(time.Millisecond)) {
		t.Errorf("ImportedAt = %v, want %v", c.ImportedAt, imported)
	}
	got, err := s.Clipping(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, *c) {
		t.Errorf("round trip:\n got %+v\nwant %+v", got, *c)
	}
	list, err := s.Clippings(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := *c
	want.Original = nil
	if len(list) != 1 || !reflect.DeepEqual(list[0], want) {
		t.Errorf("Clippings(id) = %+v, want %+v without Original", list, want)
	}

	// Zero values round-trip as zero values.
	z := &model.Clipping{Body: "x"}
	if _, err := s.AddClipping(ctx, z); err != nil {
		t.Fatal(err)
	}
	gz, err := s.Clipping(ctx, z.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(gz, *z) {
		t.Errorf("zero round trip:\n got %+v\nwant %+v", gz, *z)
	}
	_, err = s.Clipping(ctx, "missing")
	wantErr(t, err, ErrNotFound)
	_, err = s.Clippings(ctx, c.ID, "missing")
	wantErr(t, err, ErrNotFound)
}

func TestAddClippingsDuplicates(t *testing.T) {
	s := newProject(t)
	ctx := context.Background()
	first := &model.Clipping{Body: "same body", Metadata: model.Metadata{Headline: "First"}}
	if _, err := s.AddClipping(ctx, first); err != nil {
		t.Fatal(err)
	}
	batch := []*model.Clipping{
		{Body: "new body", Metadata: model.Metadata{Headline: "New"}},
		{Body: "same body", Metadata: model.Metadata{Headline: "Again"}},
		{Body: "new body", Metadata: model.Metadata{Headline: "New again"}},
		{Body: "other", Metadata: model.Metadata{Headline: "Other"}},
	}
	res, err := s.AddClippings(ctx, batch)
	if err != nil {
		t.Fatal(err)
	}
	want := []AddResult{
		{ID: batch[0].ID, Headline: "New"},
		{ID: first.ID, Duplicate: true, Headline: "First"},
		{ID: batch[0].ID, Duplicate: true, Headline: "New"},
		{ID: batch[3].ID, Headline: "Other"},
	}
	if !reflect.DeepEqual(res, want) {
		t.Errorf("results:\n got %+v\nwant %+v", res, want)
	}
	if batch[1].ID != "" || batch[2].ID != "" {
		t.Errorf("duplicates got ids %q %q", batch[1].ID, batch[2].ID)
	}
	all, err := s.Clippings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 3 {
		t.Errorf("%d clippings stored, want 3", len(all))
	}
}

func TestAddClippingsInvalid(t *testing.T) {
	for _, c := range []struct {
		name string
		clip *model.Clipping
	}{
		{"nil", nil},
		{"empty body", &model.Clipping{}},
		{"bad UTF-8", &model.Clipping{Body: "a\xffb"}},
		{"bad date", &model.Clipping{Body: "x", Metadata: model.Metadata{Date: "3 May 2024"}}},
		{"impossible date", &model.Clipping{Body: "x", Metadata: model.Metadata{Date: "2024-02-30"}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := newProject(t)
			ok := &model.Clipping{Body: "fine"}
			_, err := s.AddClippings(context.Background(), []*model.Clipping{ok, c.clip})
			wantErr(t, err, ErrInvalid)
			if all, _ := s.Clippings(context.Background()); len(all) != 0 || ok.ID != "" {
				t.Errorf("a failed batch stored %d clippings", len(all))
			}
		})
	}
}

func TestClippingOrderSummariesAndMetadata(t *testing.T) {
	f := newFixture(t)
	s, ctx := f.s, f.ctx
	more := []*model.Clipping{
		{Body: "b1", Metadata: model.Metadata{Headline: "Beta", Date: "2024-01-01", Publication: "P"}, SourceName: "b.txt"},
		{Body: "b2", Metadata: model.Metadata{Headline: "Alpha", Date: "2024-01-01"}},
		{Body: "b3", Metadata: model.Metadata{Headline: "Undated"}},
	}
	if _, err := s.AddClippings(ctx, more); err != nil {
		t.Fatal(err)
	}
	f.mustAdd(t, "claim", 0, 4)
	f.mustAdd(t, "quote", 5, 9)
	gone := f.mustAdd(t, "quote", 10, 15)
	if err := s.DeleteAnnotation(ctx, f.coder.ID, gone.ID); err != nil {
		t.Fatal(err)
	}
	sums, err := s.ClippingSummaries(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var heads []string
	for _, x := range sums {
		heads = append(heads, x.Headline)
	}
	if want := []string{"Undated", "Alpha", "Beta", "Prices"}; !reflect.DeepEqual(heads, want) {
		t.Errorf("summary order = %v, want %v", heads, want)
	}
	if sums[3].Annotations != 2 || sums[3].ID != f.clip.ID || sums[3].Date != "2024-05-03" {
		t.Errorf("summary of annotated clipping = %+v, want 2 live annotations", sums[3])
	}
	if sums[2].Publication != "P" || sums[2].SourceName != "b.txt" || sums[2].ImportedAt.IsZero() {
		t.Errorf("summary fields = %+v", sums[2])
	}
	cs, err := s.Clippings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range cs {
		if c.Headline != heads[i] {
			t.Errorf("Clippings order[%d] = %q, want %q", i, c.Headline, heads[i])
		}
	}

	m := f.clip.Metadata
	m.Headline, m.Authors, m.Date = "Zebra crossing", []string{"Z"}, "2023-12-31"
	if err := s.UpdateMetadata(ctx, f.clip.ID, m); err != nil {
		t.Fatal(err)
	}
	got, err := s.Clipping(ctx, f.clip.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.Metadata, m) || got.Body != f.clip.Body || got.UpdatedAt.Before(f.clip.UpdatedAt) {
		t.Errorf("UpdateMetadata: got %+v", got.Metadata)
	}
	if hits, err := s.Search(ctx, "zebra", 10); err != nil || len(hits) != 1 {
		t.Errorf("new headline not searchable: %v %v", hits, err)
	}
	if hits, err := s.Search(ctx, "prices", 10); err != nil || len(hits) != 0 {
		t.Errorf("old headline still found: %v %v", hits, err)
	}
	wantErr(t, s.UpdateMetadata(ctx, f.clip.ID, model.Metadata{Date: "May"}), ErrInvalid)
	wantErr(t, s.UpdateMetadata(ctx, "missing", model.Metadata{}), ErrNotFound)
}
