package gui

import (
	"iter"
	"maps"

	"clipper/model"
	"clipper/model/suggest"
)

// What the session keeps of a clipping whose suggestions were computed and
// that is not open: how many of each kind wait for review (a tally) and,
// rarely, the spans that were dismissed there without a rejection. The
// suggestions themselves are computed again when the clipping is opened
// or accepted in bulk: suggest.Suggest is deterministic.

// tallyKinds are the kinds a tally counts, in slot order.
var tallyKinds = [...]suggest.Kind{suggest.KindQuote, suggest.KindFigure, suggest.KindClaim, suggest.KindDate}

// kindSlot is k's slot in a tally, or -1.
func kindSlot(k suggest.Kind) int {
	for i, tk := range tallyKinds {
		if tk == k {
			return i
		}
	}
	return -1
}

// tally is how many suggestions of each kind (by slot) wait for review in
// a clipping.
type tally [len(tallyKinds)]uint32

// of is the count of kind k.
func (t tally) of(k suggest.Kind) int {
	if i := kindSlot(k); i >= 0 {
		return int(t[i])
	}
	return 0
}

// add counts one suggestion of kind k.
func (t *tally) add(k suggest.Kind) {
	if i := kindSlot(k); i >= 0 {
		t[i]++
	}
}

// kindTags are the tag ids suggestions of each kind (by slot) become when
// accepted, "" for a kind without a tag: a snapshot of the project's tags
// that background work can read.
type kindTags [len(tallyKinds)]string

// kindTagsOf takes the first live tag of each suggestion kind.
func kindTagsOf(tags []model.Tag) kindTags {
	var kt kindTags
	for i, k := range tallyKinds {
		for _, t := range tags {
			if t.Kind != model.KindCustom && string(t.Kind) == string(k) {
				kt[i] = t.ID
				break
			}
		}
	}
	return kt
}

// tallyOf counts the suggestions of ss that wait for review: those whose
// kind's tag the coder has not put on their span (have). Kinds without a
// tag are counted whole, so that a tag added later finds them.
func tallyOf(ss []suggest.Suggestion, have map[spanKey]bool, kt kindTags) tally {
	var t tally
	for _, s := range ss {
		i := kindSlot(s.Kind)
		if i < 0 || (kt[i] != "" && have[spanKey{kt[i], s.Start, s.End}]) {
			continue
		}
		t[i]++
	}
	return t
}

// spanMark is a suggestion (kind slot and span) dismissed in the session
// without a rejection; computing the clipping's suggestions again leaves
// it out.
type spanMark struct {
	slot       uint8
	start, end int32
}

func markOf(s suggest.Suggestion) spanMark {
	return spanMark{uint8(max(kindSlot(s.Kind), 0)), int32(s.Start), int32(s.End)}
}

// dropMarked removes the suggestions marked as dismissed.
func dropMarked(ss []suggest.Suggestion, marks []spanMark) []suggest.Suggestion {
	if len(marks) == 0 {
		return ss
	}
	gone := make(map[spanMark]bool, len(marks))
	for _, m := range marks {
		gone[m] = true
	}
	out := ss[:0]
	for _, s := range ss {
		if !gone[markOf(s)] {
			out = append(out, s)
		}
	}
	return out
}

// tallies maps clipping ids to tallies.
type tallies map[string]tally

func newTallies() tallies { return tallies{} }

// get returns id's tally and whether it has one.
func (ts tallies) get(id string) (tally, bool) {
	t, ok := ts[id]
	return t, ok
}

// set keeps t for id.
func (ts tallies) set(id string, t tally) { ts[id] = t }

// remove forgets id.
func (ts tallies) remove(id string) { delete(ts, id) }

// len is how many clippings have a tally.
func (ts tallies) len() int { return len(ts) }

// all yields every clipping id with its tally, in no particular order.
func (ts tallies) all() iter.Seq2[string, tally] { return maps.All(ts) }

// merge copies o's tallies into ts.
func (ts tallies) merge(o tallies) { maps.Copy(ts, o) }

// bulkAccept is an "accept all in every clipping" that landed: the first
// and last annotations it added (live while it is done, both tombstoned
// while it is undone) and the counts of its kind it set to zero, to put
// back when it is undone.
type bulkAccept struct {
	probes [2]string
	slot   int
	before tallies // the clippings' tallies before it (only slot counts)
	open   string  // the clipping open when it ran, if it took part ("" if not)
	undone bool
}

// maxBulks is how many bulk accepts the session follows through undo and
// redo; older ones are forgotten (their counts are right again when their
// clippings are opened).
const maxBulks = 4
