package store

import (
	"context"
	"testing"

	"clipper/model"
)

func TestClippingsBySourceID(t *testing.T) {
	s := newProject(t)
	ctx := context.Background()
	clips := []*model.Clipping{
		{Metadata: model.Metadata{Headline: "A", Publication: "Ledger", SourceID: "PQ-1"}, Body: "First body."},
		{Metadata: model.Metadata{Headline: "B", Publication: "Gazette", SourceID: "PQ-1"}, Body: "Second body."},
		{Metadata: model.Metadata{Headline: "C", SourceID: "AN-7"}, Body: "Third body."},
		{Metadata: model.Metadata{Headline: "D"}, Body: "Fourth body, no id."},
	}
	res, err := s.AddClippings(ctx, clips)
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.ClippingsBySourceID(ctx, []string{"PQ-1", "AN-7", "missing", ""})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || len(got["PQ-1"]) != 2 || len(got["AN-7"]) != 1 {
		t.Fatalf("matches: %+v", got)
	}
	if m := got["AN-7"][0]; m.ID != res[2].ID || m.Headline != "C" || m.SourceID != "AN-7" {
		t.Errorf("AN-7: %+v", m)
	}
	pubs := map[string]bool{}
	for _, m := range got["PQ-1"] {
		pubs[m.Publication] = true
	}
	if !pubs["Ledger"] || !pubs["Gazette"] {
		t.Errorf("PQ-1 publications: %v", pubs)
	}
	if none, err := s.ClippingsBySourceID(ctx, nil); err != nil || len(none) != 0 {
		t.Errorf("no ids: %v %v", none, err)
	}
}
