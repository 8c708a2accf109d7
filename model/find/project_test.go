package find

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"strings"
	"testing"
)

func textsOf(ts []Text) iter.Seq2[Text, error] {
	return func(yield func(Text, error) bool) {
		for _, t := range ts {
			if !yield(t, nil) {
				return
			}
		}
	}
}

// TestSearchCountsEverything: a project-wide find hands out the first
// hits in order, counts every hit however many, and says so at the end.
func TestSearchCountsEverything(t *testing.T) {
	var ts []Text
	want := 0
	for i := range 50 {
		body := strings.Repeat("the plant will close. ", i%7)
		ts = append(ts, Text{ClippingID: fmt.Sprintf("c%02d", i), Body: body + "Nothing else."})
		want += i % 7
	}
	m, err := Compile("plant", false, false, true)
	if err != nil {
		t.Fatal(err)
	}
	for _, keep := range []int{0, 1, 10, 1000} {
		var got []Hit
		var progress []Progress
		p, err := m.Search(context.Background(), textsOf(ts), keep, func(_ Text, hs []Hit) { got = append(got, hs...) },
			func(p Progress) { progress = append(progress, p) })
		if err != nil {
			t.Fatal(err)
		}
		kept := want
		if keep > 0 {
			kept = min(keep, want)
		}
		if p.Hits != want || p.Kept != kept || len(got) != kept || p.Searched != 50 || !p.Done || p.Clippings != 50-50/7-1 {
			t.Errorf("keep %d: %+v, %d hits handed out", keep, p, len(got))
		}
		if len(progress) == 0 || progress[len(progress)-1] != p {
			t.Errorf("keep %d: last progress %v, want %+v", keep, progress, p)
		}
		for i := 1; i < len(got); i++ {
			if got[i-1].ClippingID > got[i].ClippingID || got[i-1].ClippingID == got[i].ClippingID && got[i-1].Start >= got[i].Start {
				t.Fatalf("hits out of order: %+v %+v", got[i-1], got[i])
			}
		}
	}
	for _, tt := range ts {
		if n, hs := m.Count(tt.Body), m.Find(tt.ClippingID, tt.Body, 0); n != len(hs) {
			t.Errorf("%s: Count %d, Find %d", tt.ClippingID, n, len(hs))
		}
	}
}

// TestSearchStops: cancelling stops the search with the context's
// error; a failing source stops it with that error.
func TestSearchStops(t *testing.T) {
	m, err := Compile("a", false, false, false)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	endless := func(yield func(Text, error) bool) {
		for i := 0; ; i++ {
			if !yield(Text{ClippingID: fmt.Sprint(i), Body: "a a a"}, nil) {
				return
			}
		}
	}
	p, err := m.Search(ctx, endless, 10, func(Text, []Hit) {}, func(p Progress) {
		if p.Searched > 1000 {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) || p.Done || p.Searched < 1000 || p.Kept != 10 {
		t.Errorf("cancelled search: %+v %v", p, err)
	}
	boom := errors.New("disk on fire")
	failing := func(yield func(Text, error) bool) {
		if yield(Text{ClippingID: "x", Body: "a"}, nil) {
			yield(Text{}, boom)
		}
	}
	if p, err := m.Search(context.Background(), failing, 0, nil, nil); !errors.Is(err, boom) || p.Hits != 1 {
		t.Errorf("failing source: %+v %v", p, err)
	}
}
