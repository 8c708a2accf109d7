package store

import (
	"reflect"
	"strings"
	"testing"

	"clipper/model"
)

func TestFTSQuery(t *testing.T) {
	for _, c := range []struct {
		in, want string
		err      bool
	}{
		{"inflation", `"inflation"`, false},
		{"rate fell", `"rate" "fell"`, false},
		{`"rate fell" May`, `"rate fell" "May"`, false},
		{"infla*", `"infla*"`, false},
		{`unemployment OR NOT (rate) NEAR/2 "`, `"unemployment" "OR" "NOT" "rate" "NEAR" "2"`, false},
		{`body:rate headline:x`, `"body" "rate" "headline" "x"`, false},
		{`"unclosed phrase`, `"unclosed phrase"`, false},
		{`café – 4.2 %`, `"café" "4" "2"`, false},
		{`'; DROP TABLE clippings; --`, `"DROP" "TABLE" "clippings"`, false},
		{"", "", true},
		{`"" * - ( ) :`, "", true},
	} {
		got, err := ftsQuery(c.in)
		if (err != nil) != c.err || got != c.want {
			t.Errorf("ftsQuery(%q) = %q, %v; want %q (error %v)", c.in, got, err, c.want, c.err)
		}
	}
}

func TestSearch(t *testing.T) {
	f := newFixture(t)
	s, ctx := f.s, f.ctx
	other := &model.Clipping{Body: "Inflation is up. Unemployment is down.", Metadata: model.Metadata{Headline: "Economy news", Date: "2020-01-01"}}
	if _, err := s.AddClipping(ctx, other); err != nil {
		t.Fatal(err)
	}
	a := f.ann("claim", 0, 2)
	a.Note = "check the unemployment figure"
	if err := s.AddAnnotation(ctx, a); err != nil {
		t.Fatal(err)
	}
	gone := f.ann("claim", 3, 7)
	gone.Note = "unemployment again"
	if err := s.AddAnnotation(ctx, gone); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteAnnotation(ctx, f.coder.ID, gone.ID); err != nil {
		t.Fatal(err)
	}
	type hit struct{ clip, ann string }
	for _, c := range []struct {
		query string
		limit int
		want  []hit
	}{
		{"unemployment", 0, []hit{{other.ID, ""}, {f.clip.ID, ""}, {f.clip.ID, a.ID}}},
		{"unemployment", 2, []hit{{other.ID, ""}, {f.clip.ID, ""}}},
		{"economy", 0, []hit{{other.ID, ""}}}, // headline
		{"cafe", 0, []hit{{f.clip.ID, ""}}},   // diacritics folded
		{"CAFÉ", 0, []hit{{f.clip.ID, ""}}},   // case folded
		{"unemploy*", 0, []hit{{other.ID, ""}, {f.clip.ID, ""}, {f.clip.ID, a.ID}}},
		{`"rate fell"`, 0, []hit{{f.clip.ID, ""}}},           // phrase
		{`"fell rate"`, 0, nil},                              // phrase order matters
		{"inflation unemployment", 0, []hit{{other.ID, ""}}}, // all words
		{`inflation OR nothing`, 0, nil},                     // OR is a word
		{`"; DROP TABLE clippings; --`, 0, nil},              // harmless
		{`NEAR(" ( *`, 0, nil},                               // no syntax error
		{"figure", 0, []hit{{f.clip.ID, a.ID}}},              // note only
	} {
		t.Run(c.query, func(t *testing.T) {
			hits, err := s.Search(ctx, c.query, c.limit)
			if err != nil {
				t.Fatal(err)
			}
			var got []hit
			for _, h := range hits {
				got = append(got, hit{h.ClippingID, h.AnnotationID})
				if !strings.Contains(h.Snippet, SnippetOpen) || h.Headline == "" {
					t.Errorf("hit %+v lacks a marked snippet or headline", h)
				}
			}
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("hits = %v, want %v", got, c.want)
			}
		})
	}
	_, err := s.Search(ctx, "  --  ", 10)
	wantErr(t, err, ErrInvalid)
	if n, _ := s.Clippings(ctx); len(n) != 2 {
		t.Error("clippings table damaged by a search")
	}
}

func TestStats(t *testing.T) {
	f := newFixture(t)
	bob, _ := f.s.EnsureCoder(f.ctx, "Bob")
	other := &model.Clipping{Body: "Another one."}
	if _, err := f.s.AddClipping(f.ctx, other); err != nil {
		t.Fatal(err)
	}
	f.mustAdd(t, "claim", 0, 2)
	f.mustAdd(t, "claim", 3, 7)
	q := f.mustAdd(t, "quote", 8, 12)
	if err := f.s.DeleteAnnotation(f.ctx, f.coder.ID, q.ID); err != nil {
		t.Fatal(err)
	}
	b := &model.Annotation{ClippingID: other.ID, TagID: f.tags["figure"].ID, CoderID: bob.ID, Start: 0, End: 7}
	if err := f.s.AddAnnotation(f.ctx, b); err != nil {
		t.Fatal(err)
	}
	st, err := f.s.Stats(f.ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := Stats{
		ByTag:      map[string]int{"claim": 2, "quote": 0, "figure": 1},
		ByCoder:    map[string]int{"Ana": 2, "Bob": 1},
		ByClipping: map[string]int{f.clip.ID: 2, other.ID: 1},
		Clippings:  2, Annotations: 3,
	}
	if !reflect.DeepEqual(st, want) {
		t.Errorf("Stats = %+v\nwant %+v", st, want)
	}
}
