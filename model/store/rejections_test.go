package store

import (
	"errors"
	"path/filepath"
	"testing"
)

func TestRejections(t *testing.T) {
	f := newFixture(t)
	r := Rejection{ClippingID: f.clip.ID, Kind: "figure", Start: 14, End: 17, Text: "3 €"}
	for i := 0; i < 2; i++ { // the second rejection of the same suggestion is a no-op
		if err := f.s.RejectSuggestion(f.ctx, f.coder.ID, r); err != nil {
			t.Fatalf("RejectSuggestion #%d: %v", i+1, err)
		}
	}
	other := Rejection{ClippingID: f.clip.ID, Kind: "claim", Start: 40, End: 118, Text: "The unemployment rate fell"}
	if err := f.s.RejectSuggestion(f.ctx, f.coder.ID, other); err != nil {
		t.Fatal(err)
	}
	got, err := f.s.Rejections(f.ctx, f.clip.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0] != r || got[1] != other {
		t.Errorf("Rejections = %+v", got)
	}
	if none, err := f.s.Rejections(f.ctx, "no-such-clipping"); err != nil || len(none) != 0 {
		t.Errorf("Rejections of an unknown clipping = %v, %v", none, err)
	}
	for _, bad := range []Rejection{{ClippingID: f.clip.ID, Kind: "", Start: 1, End: 2}, {ClippingID: f.clip.ID, Kind: "quote", Start: 5, End: 5}} {
		if err := f.s.RejectSuggestion(f.ctx, f.coder.ID, bad); !errors.Is(err, ErrInvalid) {
			t.Errorf("RejectSuggestion(%+v) = %v, want ErrInvalid", bad, err)
		}
	}
}

func TestCloseTwice(t *testing.T) {
	s, err := Create(filepath.Join(t.TempDir(), "p.clip"))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
}
