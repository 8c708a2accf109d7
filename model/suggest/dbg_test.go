package suggest

import (
	"context"
	"fmt"
	"sort"
	"testing"
)

func TestDbgClaims(t *testing.T) {
	type row struct{ pos, all int }
	hist := map[string]map[int]*row{}
	for _, grp := range []string{"inv", "real-en", "real-other"} {
		hist[grp] = map[int]*row{}
	}
	add := func(grp string, sets []evalSet) {
		for _, es := range sets {
			d := newDocIn(es.body, lexiconOf(es.body, es.opt.Language))
			d.findChrome()
			_ = context.Background()
			a, _ := analyse(context.Background(), es.body, es.opt)
			d = a.d
			fig := make([]figureStrength, len(d.sents))
			hasDate := make([]bool, len(d.sents))
			for _, f := range a.figs {
				if f.date {
					hasDate[d.toks[f.a].sent] = true
				} else {
					fig[d.toks[f.a].sent] = max(fig[d.toks[f.a].sent], strengthOf(f))
				}
			}
			for si, s := range d.sents {
				c := a.an.scoreSentence(si, fig[si], hasDate[si])
				gold := false
				for _, g := range es.gold[KindClaim] {
					if overlapRatio(g.start, g.end, s.s, s.e) >= 0.8 {
						gold = true
					}
				}
				r := hist[grp][c.score]
				if r == nil {
					r = &row{}
					hist[grp][c.score] = r
				}
				r.all++
				if gold {
					r.pos++
				}
				if false {
					fmt.Printf("  FP %d %q %v\n", c.score, string(d.r[s.s:s.e]), c.cues)
				}
				if grp != "inv" && c.score < 2 && gold {
					fmt.Printf("  FN %s %d %.90q %v\n", grp, c.score, string(d.r[s.s:s.e]), c.cues)
				}
			}
		}
	}
	add("inv", loadEval(t))
	var en, other []evalSet
	for _, p := range loadReal(t) {
		if p.lang == "en" {
			en = append(en, p.set)
		} else {
			other = append(other, p.set)
		}
	}
	add("real-en", en)
	add("real-other", other)
	for _, grp := range []string{"inv", "real-en", "real-other"} {
		var ks []int
		for k := range hist[grp] {
			ks = append(ks, k)
		}
		sort.Ints(ks)
		for _, k := range ks {
			r := hist[grp][k]
			fmt.Printf("%s score %d: %d/%d gold\n", grp, k, r.pos, r.all)
		}
	}
}
