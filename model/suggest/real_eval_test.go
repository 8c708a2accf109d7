package suggest

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"clipper/model/ingest"
	"clipper/model/lang"
)

// corpusDir is the shared corpus of real pages, a sibling of the checkout.
const corpusDir = "../../../shared/corpus"

// realSpan is a gold span on a real page: the exact text (or, for long
// spans, its first and last words) and the code-point offset where it stood
// when it was annotated. The page's text itself is never stored here.
type realSpan struct {
	At   int    `json:"at"`
	Text string `json:"text,omitempty"`
	Head string `json:"head,omitempty"`
	Tail string `json:"tail,omitempty"`
}

type realGold struct {
	Source   string `json:"source"`
	Language string `json:"language"`
	Quotes   []struct {
		realSpan
		Speaker string `json:"speaker"`
	} `json:"quotes"`
	Figures []struct {
		realSpan
		Value      *float64 `json:"value"`
		Low        *float64 `json:"low"`
		High       *float64 `json:"high"`
		Comparator string   `json:"comparator"`
		Unit       string   `json:"unit"`
	} `json:"figures"`
	Claims []struct {
		realSpan
		Claimant string `json:"claimant"`
	} `json:"claims"`
	// ClaimMarks judge every claim the suggester made on the page when it
	// was marked: checkable or not, for claim precision.
	ClaimMarks []struct {
		realSpan
		Checkable bool `json:"checkable"`
	} `json:"claim_marks"`
}

// find locates a gold span in body (runes): the occurrence of its text or
// head nearest to where it was annotated, and for a head the first tail
// after it. It reports false when the re-imported body no longer holds it.
func (g realSpan) find(body []rune) (int, int, bool) {
	key := g.Text
	if key == "" {
		key = g.Head
	}
	k := []rune(key)
	best := -1
	for i := 0; i+len(k) <= len(body); i++ {
		if string(body[i:i+len(k)]) == key && (best < 0 || abs(i-g.At) < abs(best-g.At)) {
			best = i
		}
	}
	if best < 0 {
		return 0, 0, false
	}
	if g.Text != "" {
		return best, best + len(k), true
	}
	tail := []rune(g.Tail)
	for j := best + len(k); j+len(tail) <= len(body); j++ {
		if string(body[j:j+len(tail)]) == g.Tail {
			return best, j + len(tail), true
		}
	}
	return 0, 0, false
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// realPage is one annotated real page, re-imported and resolved.
type realPage struct {
	set      evalSet
	lang     string // annotated language
	detected string // what the clipping's metadata or Detect says
	sents    int
	lost     []string
	marks    []struct {
		start, end int
		checkable  bool
	}
}

// loadReal re-imports every page of testdata/real with today's importer and
// re-finds its gold spans by their exact text. It skips without the corpus
// (and fails instead when CI=true).
func loadReal(t testing.TB) []realPage {
	t.Helper()
	if _, err := os.Stat(corpusDir); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("the shared corpus %s is missing: %v", corpusDir, err)
		}
		t.Skipf("the shared corpus %s is absent: real-page evaluation skipped", corpusDir)
	}
	paths, err := filepath.Glob(filepath.Join("testdata", "real", "*.gold.json"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no real-page gold in testdata/real: %v", err)
	}
	var pages []realPage
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		var g realGold
		if err := json.Unmarshal(raw, &g); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		c, _, err := ingest.ParseFile(filepath.Join(corpusDir, g.Source))
		if err != nil {
			t.Fatalf("%s: importing %s: %v", p, g.Source, err)
		}
		name := strings.TrimSuffix(filepath.Base(p), ".gold.json")
		body := []rune(c.Body)
		pg := realPage{lang: g.Language, detected: c.Language}
		if pg.detected == "" {
			pg.detected = lang.Detect(c.Body)
		}
		es := evalSet{name: name, body: c.Body, gold: map[Kind][]goldItem{},
			opt: Options{Language: c.Language, Byline: append(append([]string{}, c.Authors...), c.Credit)}}
		add := func(kind Kind, sp realSpan) (*goldItem, bool) {
			s, e, ok := sp.find(body)
			if !ok {
				pg.lost = append(pg.lost, fmt.Sprintf("%s %q%q", kind, sp.Text, sp.Head))
				return nil, false
			}
			es.gold[kind] = append(es.gold[kind], goldItem{start: s, end: e, text: string(body[s:e])})
			return &es.gold[kind][len(es.gold[kind])-1], true
		}
		for _, q := range g.Quotes {
			if it, ok := add(KindQuote, q.realSpan); ok {
				it.speaker = q.Speaker
			}
		}
		for _, f := range g.Figures {
			if it, ok := add(KindFigure, f.realSpan); ok {
				it.value, it.low, it.high, it.comp, it.unit = f.Value, f.Low, f.High, f.Comparator, f.Unit
			}
		}
		for _, cl := range g.Claims {
			if it, ok := add(KindClaim, cl.realSpan); ok {
				it.claimant = cl.Claimant
			}
		}
		for _, m := range g.ClaimMarks {
			if s, e, ok := m.find(body); ok {
				pg.marks = append(pg.marks, struct {
					start, end int
					checkable  bool
				}{s, e, m.Checkable})
			}
		}
		for _, k := range []Kind{KindQuote, KindFigure, KindClaim} {
			gs := es.gold[k]
			sort.SliceStable(gs, func(i, j int) bool { return gs[i].start < gs[j].start })
		}
		pg.set = es
		pg.sents = len(newDoc(c.Body).sents)
		pages = append(pages, pg)
	}
	return pages
}

// realTargets are the floors the real development set must keep: the
// issue's targets where the set reaches them, else just under today's
// scores so that a regression fails.
var realTargets = map[string]map[string]float64{
	"en": {"quote F1": 0.90, "speaker": 0.88, "figure F1": 0.92, "value": 0.95, "claim recall": 0.85,
		"sentences per claim": 3},
	"other": {"quote F1": 0.90, "speaker": 0.85, "figure F1": 0.85, "value": 0.92, "claim recall": 0.65},
}

// minJudgedPrecision is the floor for claim precision on the judged pages.
const minJudgedPrecision = 0.8

// TestRealPages scores the suggester on the real development set: pages from
// the shared corpus, re-imported with today's importer and annotated by hand
// before the rules saw them. English and the other languages are scored
// apart; claim precision comes from the pages whose every suggested claim
// was judged checkable or not.
func TestRealPages(t *testing.T) {
	pages := loadReal(t)
	groups := map[string][]evalSet{}
	sents := map[string]int{}
	for _, p := range pages {
		g := "other"
		if p.lang == "en" {
			g = "en"
		}
		if p.detected != p.lang {
			t.Errorf("%s: language %q detected, annotated %q", p.set.name, p.detected, p.lang)
		}
		if len(p.lost) > 0 {
			t.Logf("%s: %d gold spans not in the re-imported body: %v", p.set.name, len(p.lost), p.lost)
		}
		groups[g] = append(groups[g], p.set)
		sents[g] += p.sents
	}
	for _, g := range []string{"en", "other"} {
		res := evaluate(t, groups[g])
		q, f, c := res[KindQuote], res[KindFigure], res[KindClaim]
		_, _, qf := q.prf()
		_, _, ff := f.prf()
		cp, cr, _ := c.prf()
		scores := map[string]float64{
			"quote F1": qf, "speaker": ratio(q.attrOK, q.attrN), "figure F1": ff,
			"value": ratio(f.attrOK, f.attrN), "claim recall": cr,
			"sentences per claim": float64(sents[g]) / float64(max(1, c.tp+c.fp)),
		}
		t.Logf("%s (%d pages, %d sentences): quote F1 %.3f (tp %d fp %d fn %d) speaker %.3f (%d/%d) | figure F1 %.3f (tp %d fp %d fn %d) value %.3f (%d/%d) | claims recall %.3f, %d suggested = one per %.1f sentences, gold-span precision %.3f",
			g, len(groups[g]), sents[g], qf, q.tp, q.fp, q.fn, scores["speaker"], q.attrOK, q.attrN,
			ff, f.tp, f.fp, f.fn, scores["value"], f.attrOK, f.attrN, cr, c.tp+c.fp,
			float64(sents[g])/float64(max(1, c.tp+c.fp)), cp)
		if *evalDetail {
			for _, k := range []Kind{KindQuote, KindFigure, KindClaim} {
				for _, e := range res[k].errors {
					t.Log("  " + e)
				}
			}
		}
		for name, floor := range realTargets[g] {
			if scores[name] < floor {
				t.Errorf("%s %s %.3f is below its floor %.2f", g, name, scores[name], floor)
			}
		}
	}
	// Claim precision on the pages whose suggested claims were all judged.
	judged, checkable, unjudged := 0, 0, 0
	for _, p := range pages {
		if len(p.marks) == 0 {
			continue
		}
		got, err := Suggest(context.Background(), p.set.body, p.set.opt)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range got {
			if s.Kind != KindClaim {
				continue
			}
			found := false
			for _, m := range p.marks {
				if overlapRatio(m.start, m.end, s.Start, s.End) >= 0.8 {
					found = true
					judged++
					if m.checkable {
						checkable++
					}
					break
				}
			}
			if !found {
				unjudged++
				if *evalDetail {
					t.Logf("  %s: unjudged claim %q", p.set.name, s.Text)
				}
			}
		}
	}
	if judged > 0 {
		t.Logf("claim precision on judged pages: %.3f (%d of %d checkable; %d suggestions not judged)",
			ratio(checkable, judged), checkable, judged, unjudged)
		if p := ratio(checkable, judged); p < minJudgedPrecision {
			t.Errorf("claim precision on judged pages %.3f is below its floor %.2f", p, minJudgedPrecision)
		}
	}
}
