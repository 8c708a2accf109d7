package suggest

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"clipper/model/lang"
)

// Kind is what a suggestion proposes to tag.
type Kind string

// The kinds of suggestion. Dates are off unless asked for.
const (
	KindQuote  Kind = "quote"
	KindFigure Kind = "figure"
	KindClaim  Kind = "claim"
	KindDate   Kind = "date"
)

// defaultKinds are suggested when Options.Kinds is nil.
var defaultKinds = []Kind{KindQuote, KindFigure, KindClaim}

// Suggestion is one proposed annotation. Its JSON is the output contract of
// `clipper suggest`; fields that do not apply to its kind are omitted.
type Suggestion struct {
	Kind       Kind     `json:"kind"`
	Start      int      `json:"start"`
	End        int      `json:"end"`
	Text       string   `json:"text"`
	Confidence float64  `json:"confidence"`
	Why        string   `json:"why"`
	Speaker    string   `json:"speaker,omitempty"`
	Role       string   `json:"role,omitempty"`
	Cue        string   `json:"cue,omitempty"`
	Value      *float64 `json:"value,omitempty"`
	Low        *float64 `json:"low,omitempty"`
	High       *float64 `json:"high,omitempty"`
	Comparator string   `json:"comparator,omitempty"`
	Unit       string   `json:"unit,omitempty"`
	Class      string   `json:"class,omitempty"`
	Claimant   string   `json:"claimant,omitempty"`
}

// Options choose what Suggest returns.
type Options struct {
	Kinds         []Kind  // nil: quote, figure and claim
	MinConfidence float64 // drop suggestions below this (0–1)
	// Language is the body's ISO 639-1 code ("en", "fr", "de", "es", "it",
	// "pt"), as the clipping's metadata gives it; "" detects it from the body.
	Language string
	// Byline lists the clipping's authors and credits: names that are never
	// taken as a speaker or claimant, even when the body repeats them.
	Byline []string
	// AllClaims also suggests the weaker claims that the default threshold
	// leaves out (for a researcher who wants recall over precision).
	AllClaims bool
}

func (o Options) kinds() (map[Kind]bool, error) {
	if o.MinConfidence < 0 || o.MinConfidence > 1 {
		return nil, fmt.Errorf("minimum confidence %g is outside 0–1", o.MinConfidence)
	}
	list := o.Kinds
	if list == nil {
		list = defaultKinds
	}
	m := map[Kind]bool{}
	for _, k := range list {
		switch k {
		case KindQuote, KindFigure, KindClaim, KindDate:
			m[k] = true
		default:
			return nil, fmt.Errorf("unknown suggestion kind %q (want quote, figure, claim or date)", k)
		}
	}
	return m, nil
}

// analysis is a body with its quotes attributed and figures found.
type analysis struct {
	d    *doc
	an   *analyzer
	figs []figure
}

// lexiconOf picks the lexicon for a body: the language given, else the
// one detected, else English.
func lexiconOf(body, language string) *lexicon {
	if language == "" {
		language = lang.Detect(body)
	}
	return lexiconFor(language)
}

func analyse(ctx context.Context, body string, opt Options) (*analysis, error) {
	d := newDocIn(body, lexiconOf(body, opt.Language))
	if len(opt.Byline) > 0 {
		for w := range bylineNames(opt.Byline) {
			d.byline[w] = struct{}{}
		}
		d.findChrome()
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	d.findQuotes()
	an := newAnalyzer(d)
	if err := an.run(ctx); err != nil {
		return nil, err
	}
	figs, err := d.findFigures(ctx)
	if err != nil {
		return nil, err
	}
	return &analysis{d: d, an: an, figs: figs}, nil
}

// Suggest returns the suggestions of the requested kinds for a normalised
// body, sorted by start offset. Every suggestion's Text equals the body's
// code points [Start, End). It stops with the context's error if ctx ends.
func Suggest(ctx context.Context, body string, opt Options) ([]Suggestion, error) {
	want, err := opt.kinds()
	if err != nil {
		return nil, fmt.Errorf("suggest: %w", err)
	}
	a, err := analyse(ctx, body, opt)
	if err != nil {
		return nil, fmt.Errorf("suggest: %w", err)
	}
	var out []Suggestion
	if want[KindQuote] {
		out = append(out, a.an.quoteSuggestions()...)
	}
	if want[KindFigure] || want[KindDate] {
		for _, f := range a.figs {
			if (f.date && want[KindDate]) || (!f.date && want[KindFigure]) {
				out = append(out, a.figureSuggestion(f))
			}
		}
	}
	if want[KindClaim] {
		out = append(out, a.an.claimSuggestions(a.figs, opt.AllClaims)...)
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("suggest: %w", err)
	}
	kept := out[:0]
	for _, s := range out {
		if s.Confidence >= opt.MinConfidence {
			kept = append(kept, s)
		}
	}
	sort.SliceStable(kept, func(i, j int) bool {
		if kept[i].Start != kept[j].Start {
			return kept[i].Start < kept[j].Start
		}
		if kept[i].End != kept[j].End {
			return kept[i].End > kept[j].End
		}
		return kindOrder(kept[i].Kind) < kindOrder(kept[j].Kind)
	})
	return kept, nil
}

// ByConfidence orders suggestions for review: the most confident first,
// ties in the order of the text (then claims before quotes before figures).
// It sorts ss in place and returns it.
func ByConfidence(ss []Suggestion) []Suggestion {
	sort.SliceStable(ss, func(i, j int) bool {
		a, b := ss[i], ss[j]
		switch {
		case a.Confidence != b.Confidence:
			return a.Confidence > b.Confidence
		case a.Start != b.Start:
			return a.Start < b.Start
		}
		return kindOrder(a.Kind) < kindOrder(b.Kind)
	})
	return ss
}

func kindOrder(k Kind) int {
	switch k {
	case KindClaim:
		return 0
	case KindQuote:
		return 1
	case KindFigure:
		return 2
	}
	return 3
}

func (a *analysis) figureSuggestion(f figure) Suggestion {
	d := a.d
	s, e := d.toks[f.a].s, d.toks[f.b-1].e
	k := KindFigure
	if f.date {
		k = KindDate
	}
	sg := Suggestion{Kind: k, Start: s, End: e, Text: string(d.r[s:e]), Confidence: round2(f.conf),
		Why: strings.Join(f.why, ", "), Comparator: f.comp, Unit: f.unit, Class: f.class}
	if f.isRange {
		lo, hi := f.low, f.high
		sg.Low, sg.High = &lo, &hi
	} else {
		v := f.value
		sg.Value = &v
	}
	return sg
}
