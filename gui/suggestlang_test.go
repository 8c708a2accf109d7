package gui

import (
	"context"
	"slices"
	"testing"

	"clipper/model"
)

// TestPrefillReadsTheClippingsLanguage tags a figure and a quote in a
// German clipping: "40.000 Euro" is forty thousand and the speaker is
// found after "sagte" — read as English they are 40 and "Die Stadt".
func TestPrefillReadsTheClippingsLanguage(t *testing.T) {
	u, st := newTestUI(t)
	body := "Die Stadt zahlt 40.000 Euro. „Wir können nicht warten“, sagte Bürgermeisterin Anna Schmidt am Montag."
	res, err := st.AddClipping(context.Background(), &model.Clipping{
		Metadata: model.Metadata{Headline: "Leitungen", Language: "de"}, Body: body})
	if err != nil {
		t.Fatal(err)
	}
	if err := u.lib.reload(); err != nil {
		t.Fatal(err)
	}
	if err := u.Open(res.ID); err != nil {
		t.Fatal(err)
	}
	selectInReader(t, u, "40.000 Euro")
	typeRune(u, '3')
	fig := u.annotation(u.selected)
	if fig == nil || fig.Value == nil || *fig.Value != 40000 {
		t.Errorf("figure prefilled as %+v", fig)
	}
	selectInReader(t, u, "„Wir können nicht warten“")
	typeRune(u, '2')
	if q := u.annotation(u.selected); q == nil || q.Speaker != "Anna Schmidt" {
		t.Errorf("quote prefilled as %+v", q)
	}
}

func TestSuggestOptions(t *testing.T) {
	opt := suggestOptions(model.Metadata{Language: "fr", Authors: []string{"Claire Dupont", " "}, Credit: "AFP"})
	if opt.Language != "fr" || !slices.Equal(opt.Byline, []string{"Claire Dupont", "AFP"}) {
		t.Errorf("options = %+v", opt)
	}
	if opt := suggestOptions(model.Metadata{}); opt.Language != "" || opt.Byline != nil {
		t.Errorf("options of an empty clipping = %+v", opt)
	}
}

// TestReviewListMostConfidentFirst: the review list, and N / P in the
// text, go through the suggestions most confident first.
func TestReviewListMostConfidentFirst(t *testing.T) {
	u, _ := newTestUI(t)
	<-u.suggestOpen()
	if len(u.sugg.shown) < 10 {
		t.Fatalf("only %d suggestions", len(u.sugg.shown))
	}
	for i := 1; i < len(u.sugg.shown); i++ {
		a, b := u.sugg.shown[i-1], u.sugg.shown[i]
		if a.Confidence < b.Confidence || (a.Confidence == b.Confidence && a.Start > b.Start) {
			t.Fatalf("suggestion %d (%.2f at %d) listed before %d (%.2f at %d)", i-1, a.Confidence, a.Start, i, b.Confidence, b.Start)
		}
	}
	if u.sugg.cur != u.sugg.shown[0].ID {
		t.Error("the most confident suggestion is not current")
	}
	// Accepting the current one moves to the next most confident.
	next := u.sugg.shown[1].ID
	u.acceptSuggestion(u.sugg.cur)
	if u.sugg.cur != next {
		t.Errorf("after accepting, current = %q, want %q", u.sugg.cur, next)
	}
}
