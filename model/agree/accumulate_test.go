package agree

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

// TestAccumulatorMatchesCompare: adding clippings one at a time gives
// Compare's report exactly, with or without the per-clipping rows.
func TestAccumulatorMatchesCompare(t *testing.T) {
	for _, coders := range [][]string{{"ann", "bob"}, {"ann", "bob", "cat", "dan"}} {
		tags := []string{"claim", "quote", "figure"}
		docs, spans := benchStudy(30, 6, coders, tags)
		want, err := Compare(docs, spans, coders, tags)
		if err != nil {
			t.Fatal(err)
		}
		for _, perClipping := range []bool{true, false} {
			acc, err := NewAccumulator(coders, tags, perClipping)
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range docs {
				var on []Span
				for _, s := range spans {
					if s.Clipping == d.ID {
						on = append(on, s)
					}
				}
				if err := acc.Add(d, on); err != nil {
					t.Fatal(err)
				}
			}
			got, err := acc.Report()
			if err != nil {
				t.Fatal(err)
			}
			w := want
			if !perClipping {
				w.Pairs = append([]PairStats(nil), want.Pairs...)
				for i := range w.Pairs {
					w.Pairs[i].Clippings = nil
				}
			}
			gj, _ := json.Marshal(got)
			wj, _ := json.Marshal(w)
			if string(gj) != string(wj) {
				t.Errorf("%d coders, per clipping %v: accumulated report differs\n%s\n%s", len(coders), perClipping, gj, wj)
			}
		}
	}
}

func TestAccumulatorRefuses(t *testing.T) {
	if _, err := NewAccumulator([]string{"ann"}, []string{"claim"}, false); !errors.Is(err, ErrTooFewCoders) {
		t.Errorf("one coder: %v", err)
	}
	if _, err := NewAccumulator([]string{"ann", "bob"}, nil, false); !errors.Is(err, ErrNoTags) {
		t.Errorf("no tags: %v", err)
	}
	if _, err := NewAccumulator([]string{"ann", "ann"}, []string{"claim"}, false); err == nil || !strings.Contains(err.Error(), "twice") {
		t.Errorf("repeated coder: %v", err)
	}
	acc, err := NewAccumulator([]string{"ann", "bob"}, []string{"claim"}, false)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := acc.Report(); err == nil {
		t.Error("a report of nothing")
	}
	err = acc.Add(Doc{ID: "c", Length: 10}, []Span{{Clipping: "c", Coder: "ann", Tag: "claim", Start: 5, End: 12}})
	if err == nil || !strings.Contains(err.Error(), "outside clipping") {
		t.Errorf("span outside: %v", err)
	}
	if err := acc.Add(Doc{ID: "c", Length: 10}, []Span{{Clipping: "c", Coder: "ann", Tag: "claim", Start: 1, End: 4},
		{Clipping: "c", Coder: "zed", Tag: "claim", Start: 1, End: 4}}); err != nil {
		t.Fatal(err)
	}
	rep, err := acc.Report()
	if err != nil || rep.Spans != 1 || rep.Skipped != 1 || rep.Clippings != 1 {
		t.Errorf("report %+v %v", rep, err)
	}
}
