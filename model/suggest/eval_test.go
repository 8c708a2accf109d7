package suggest

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

var evalDetail = flag.Bool("evaldetail", false, "print every evaluation mismatch")

type goldFile struct {
	Quotes []struct {
		Text    string `json:"text"`
		Speaker string `json:"speaker"`
	} `json:"quotes"`
	Figures []struct {
		Text       string   `json:"text"`
		Value      *float64 `json:"value"`
		Low        *float64 `json:"low"`
		High       *float64 `json:"high"`
		Comparator string   `json:"comparator"`
		Unit       string   `json:"unit"`
		Class      string   `json:"class"`
	} `json:"figures"`
	Claims []struct {
		Text     string `json:"text"`
		Claimant string `json:"claimant"`
	} `json:"claims"`
}

// goldItem is one gold annotation resolved to code-point offsets.
type goldItem struct {
	start, end int
	text       string
	speaker    string
	value      *float64
	low, high  *float64
	comp, unit string
	claimant   string
}

type evalSet struct {
	name string
	body string
	gold map[Kind][]goldItem
	opt  Options // language and byline the clipping is suggested with
}

// loadEval reads testdata/eval: each NAME.txt with its NAME.gold.json. Gold
// spans are given by text and resolved in order of appearance per kind.
func loadEval(t testing.TB) []evalSet {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("testdata", "eval", "*.txt"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no evaluation clippings in testdata/eval: %v", err)
	}
	var sets []evalSet
	for _, p := range paths {
		body, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		raw, err := os.ReadFile(strings.TrimSuffix(p, ".txt") + ".gold.json")
		if err != nil {
			t.Fatalf("gold for %s: %v", p, err)
		}
		var g goldFile
		if err := json.Unmarshal(raw, &g); err != nil {
			t.Fatalf("gold for %s: %v", p, err)
		}
		name := strings.TrimSuffix(filepath.Base(p), ".txt")
		text := string(body)
		es := evalSet{name: name, body: text, gold: map[Kind][]goldItem{}}
		resolve := func(kind Kind, texts []string) []goldItem {
			var out []goldItem
			from := 0
			for _, s := range texts {
				i := strings.Index(text[from:], s)
				if i < 0 {
					t.Fatalf("%s: gold %s text not found after byte %d: %q", name, kind, from, s)
				}
				bs := from + i
				start := len([]rune(text[:bs]))
				out = append(out, goldItem{start: start, end: start + len([]rune(s)), text: s})
				from = bs + 1
			}
			return out
		}
		var qs, fs, cs []string
		for _, q := range g.Quotes {
			qs = append(qs, q.Text)
		}
		for _, f := range g.Figures {
			fs = append(fs, f.Text)
		}
		for _, c := range g.Claims {
			cs = append(cs, c.Text)
		}
		es.gold[KindQuote] = resolve(KindQuote, qs)
		for i := range es.gold[KindQuote] {
			es.gold[KindQuote][i].speaker = g.Quotes[i].Speaker
		}
		es.gold[KindFigure] = resolve(KindFigure, fs)
		for i, f := range g.Figures {
			it := &es.gold[KindFigure][i]
			it.value, it.low, it.high, it.comp, it.unit = f.Value, f.Low, f.High, f.Comparator, f.Unit
		}
		es.gold[KindClaim] = resolve(KindClaim, cs)
		for i := range es.gold[KindClaim] {
			es.gold[KindClaim][i].claimant = g.Claims[i].Claimant
		}
		sets = append(sets, es)
	}
	return sets
}

// overlapRatio is the overlap of two spans over the longer one.
func overlapRatio(a0, a1, b0, b1 int) float64 {
	o := min(a1, b1) - max(a0, b0)
	if o <= 0 {
		return 0
	}
	return float64(o) / float64(max(a1-a0, b1-b0))
}

// matchSpans pairs gold and predicted spans one to one, best overlap first,
// keeping pairs whose overlap is at least 0.8 of the longer span.
func matchSpans(gold []goldItem, pred []Suggestion) map[int]int {
	type pair struct {
		g, p int
		r    float64
	}
	var pairs []pair
	for gi, g := range gold {
		for pi, p := range pred {
			if r := overlapRatio(g.start, g.end, p.Start, p.End); r >= 0.8 {
				pairs = append(pairs, pair{gi, pi, r})
			}
		}
	}
	sort.Slice(pairs, func(i, j int) bool { return pairs[i].r > pairs[j].r })
	m := map[int]int{}
	usedP := map[int]bool{}
	for _, p := range pairs {
		if _, ok := m[p.g]; ok || usedP[p.p] {
			continue
		}
		m[p.g] = p.p
		usedP[p.p] = true
	}
	return m
}

// leadingArticles are dropped before comparing sources, in the six languages.
var leadingArticles = []string{"the ", "a ", "an ", "le ", "la ", "les ", "l'", "un ", "une ", "der ", "die ", "das ",
	"ein ", "eine ", "el ", "los ", "las ", "il ", "lo ", "gli ", "o ", "os ", "as ", "um ", "uma "}

// sameSource compares speakers or claimants: equal ignoring case, leading
// articles and honorifics, or one a word-suffix of the other ("Ostrov" and
// "Pavel Ostrov", "the diplomat" and "A Western diplomat").
func sameSource(gold, pred string) bool {
	norm := func(s string) []string {
		s = strings.ToLower(strings.TrimSpace(s))
		for _, a := range leadingArticles {
			s = strings.TrimPrefix(s, a)
		}
		var out []string
		for _, w := range strings.Fields(s) {
			w = strings.Trim(w, ".,")
			if i := strings.LastIndex(w, "-"); i > 0 && i < len(w)-1 {
				w = w[i+1:] // "Konzern-Sprecher" is a "Sprecher"
			}
			if honorifics.has(w) {
				continue
			}
			out = append(out, w)
		}
		return out
	}
	g, p := norm(gold), norm(pred)
	if len(g) == 0 || len(p) == 0 {
		return len(g) == len(p)
	}
	short, long := g, p
	if len(short) > len(long) {
		short, long = long, short
	}
	for i := range short {
		if short[len(short)-1-i] != long[len(long)-1-i] {
			return false
		}
	}
	return true
}

func sameNumber(g *float64, p *float64) bool {
	if g == nil || p == nil {
		return g == nil && p == nil
	}
	return math.Abs(*g-*p) <= 1e-3*math.Max(1, math.Abs(*g))
}

// sameUnit compares units by their last word, ignoring case.
func sameUnit(g, p string) bool {
	last := func(s string) string {
		f := strings.Fields(strings.ToLower(s))
		if len(f) == 0 {
			return ""
		}
		return f[len(f)-1]
	}
	return last(g) == last(p)
}

type counts struct {
	tp, fp, fn        int
	attrOK, attrN     int // speaker (quotes), value+comparator (figures), claimant (claims)
	unitOK, unitN     int
	errors            []string
	heldTP, heldFP    int
	heldFN            int
	heldAttrOK, heldN int
}

func (c counts) prf() (p, r, f float64) {
	if c.tp+c.fp > 0 {
		p = float64(c.tp) / float64(c.tp+c.fp)
	}
	if c.tp+c.fn > 0 {
		r = float64(c.tp) / float64(c.tp+c.fn)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// evaluate runs Suggest over the sets and counts matches per kind.
func evaluate(t *testing.T, sets []evalSet) map[Kind]*counts {
	res := map[Kind]*counts{KindQuote: {}, KindFigure: {}, KindClaim: {}}
	for _, es := range sets {
		got, err := Suggest(context.Background(), es.body, es.opt)
		if err != nil {
			t.Fatalf("%s: %v", es.name, err)
		}
		byKind := map[Kind][]Suggestion{}
		for _, s := range got {
			byKind[s.Kind] = append(byKind[s.Kind], s)
		}
		held := strings.HasPrefix(es.name, "heldout_")
		for _, kind := range []Kind{KindQuote, KindFigure, KindClaim} {
			c := res[kind]
			gold, pred := es.gold[kind], byKind[kind]
			m := matchSpans(gold, pred)
			matchedP := map[int]bool{}
			for gi, g := range gold {
				pi, ok := m[gi]
				if !ok {
					c.fn++
					if held {
						c.heldFN++
					}
					c.errors = append(c.errors, fmt.Sprintf("%s: missed %s %q", es.name, kind, g.text))
					continue
				}
				matchedP[pi] = true
				c.tp++
				if held {
					c.heldTP++
				}
				p := pred[pi]
				switch kind {
				case KindQuote:
					c.attrN++
					ok := sameSource(g.speaker, p.Speaker)
					if ok {
						c.attrOK++
					} else {
						c.errors = append(c.errors, fmt.Sprintf("%s: speaker of %q: want %q, got %q (%s)", es.name, g.text, g.speaker, p.Speaker, p.Why))
					}
					if held {
						c.heldN++
						if ok {
							c.heldAttrOK++
						}
					}
				case KindFigure:
					c.attrN++
					ok := sameNumber(g.value, p.Value) && sameNumber(g.low, p.Low) && sameNumber(g.high, p.High) && g.comp == p.Comparator
					if ok {
						c.attrOK++
					} else {
						c.errors = append(c.errors, fmt.Sprintf("%s: value of %q: want %v/%v-%v %q, got %v/%v-%v %q", es.name, g.text,
							fmtNum(g.value), fmtNum(g.low), fmtNum(g.high), g.comp, fmtNum(p.Value), fmtNum(p.Low), fmtNum(p.High), p.Comparator))
					}
					if held {
						c.heldN++
						if ok {
							c.heldAttrOK++
						}
					}
					c.unitN++
					if sameUnit(g.unit, p.Unit) {
						c.unitOK++
					} else {
						c.errors = append(c.errors, fmt.Sprintf("%s: unit of %q: want %q, got %q", es.name, g.text, g.unit, p.Unit))
					}
				case KindClaim:
					if g.claimant != "" {
						c.attrN++
						if sameSource(g.claimant, p.Claimant) {
							c.attrOK++
						} else {
							c.errors = append(c.errors, fmt.Sprintf("%s: claimant of %q: want %q, got %q", es.name, g.text, g.claimant, p.Claimant))
						}
					}
				}
			}
			for pi, p := range pred {
				if !matchedP[pi] {
					c.fp++
					if held {
						c.heldFP++
					}
					c.errors = append(c.errors, fmt.Sprintf("%s: spurious %s %q (%s)", es.name, kind, p.Text, p.Why))
				}
			}
		}
	}
	return res
}

func fmtNum(p *float64) string {
	if p == nil {
		return "-"
	}
	return fmt.Sprintf("%g", *p)
}

// TestEvaluation scores the suggester against the hand-made gold of
// testdata/eval and fails below the targets: quote span F1 0.90, speaker
// accuracy 0.90, figure span F1 0.90, value accuracy 0.98, claim recall
// 0.85. Spans match when they overlap by at least 0.8 of the longer span.
func TestEvaluation(t *testing.T) {
	sets := loadEval(t)
	res := evaluate(t, sets)
	held := 0
	for _, s := range sets {
		if strings.HasPrefix(s.name, "heldout_") {
			held++
		}
	}
	t.Logf("evaluation over %d clippings (%d held out)", len(sets), held)
	for _, kind := range []Kind{KindQuote, KindFigure, KindClaim} {
		c := res[kind]
		p, r, f := c.prf()
		hc := counts{tp: c.heldTP, fp: c.heldFP, fn: c.heldFN}
		hp, hr, hf := hc.prf()
		attr := map[Kind]string{KindQuote: "speaker acc", KindFigure: "value acc", KindClaim: "claimant acc"}[kind]
		t.Logf("%-6s P %.3f R %.3f F1 %.3f (tp %d fp %d fn %d)  %s %.3f (%d/%d)", kind, p, r, f, c.tp, c.fp, c.fn,
			attr, ratio(c.attrOK, c.attrN), c.attrOK, c.attrN)
		if held > 0 {
			t.Logf("       held-out: P %.3f R %.3f F1 %.3f (tp %d fp %d fn %d)  %s %.3f", hp, hr, hf,
				c.heldTP, c.heldFP, c.heldFN, attr, ratio(c.heldAttrOK, c.heldN))
		}
		if kind == KindFigure {
			t.Logf("       unit agreement %.3f (%d/%d, informational)", ratio(c.unitOK, c.unitN), c.unitOK, c.unitN)
		}
		if *evalDetail {
			for _, e := range c.errors {
				t.Log("  " + e)
			}
		}
	}
	check := func(name string, got, want float64) {
		if got < want {
			t.Errorf("%s %.3f is below the target %.2f", name, got, want)
		}
	}
	_, _, qf := res[KindQuote].prf()
	check("quote span F1", qf, 0.90)
	check("speaker accuracy", ratio(res[KindQuote].attrOK, res[KindQuote].attrN), 0.90)
	_, _, ff := res[KindFigure].prf()
	check("figure span F1", ff, 0.90)
	check("figure value accuracy", ratio(res[KindFigure].attrOK, res[KindFigure].attrN), 0.98)
	_, cr, _ := res[KindClaim].prf()
	check("claim recall", cr, 0.85)
}
