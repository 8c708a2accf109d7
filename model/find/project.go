package find

import (
	"context"
	"fmt"
	"iter"
	"time"
)

// Text is one clipping a project-wide find searches.
type Text struct {
	ClippingID, Headline, Body string
}

// Progress is how far a project-wide find has got. Hits counts every hit
// found so far, kept or not: a find never stops at its keep limit
// silently, it says "first 5,000 shown, 12,345 in all".
type Progress struct {
	Hits      int  // hits found so far
	Kept      int  // hits handed to the caller so far (at most keep)
	Clippings int  // texts with a hit so far
	Searched  int  // texts searched so far
	Done      bool // every text was searched
}

// progressEvery is how often Search reports its counts while it searches.
const progressEvery = 100 * time.Millisecond

// Search finds m's hits in every text texts yields, in order. The first
// keep hits (all when keep <= 0) are handed to onHits, a text's at a time,
// as soon as that text is searched — the first hits come long before the
// search ends; after keep, hits are only counted (without building them).
// onProgress, when not nil, is told the counts about every 100 ms and once
// at the end with Done set. Both run on the searching goroutine and must
// return quickly (an app posts them to its own thread). Cancelling ctx
// stops the search with an error wrapping ctx.Err(); the Progress returned
// says how far it got, either way.
func (m *Matcher) Search(ctx context.Context, texts iter.Seq2[Text, error], keep int,
	onHits func(t Text, hits []Hit), onProgress func(Progress)) (Progress, error) {
	var p Progress
	last := time.Now()
	for t, err := range texts {
		if err != nil {
			return p, fmt.Errorf("find: %w", err)
		}
		if err := ctx.Err(); err != nil {
			return p, fmt.Errorf("find cancelled after %d clippings: %w", p.Searched, err)
		}
		n := 0
		if room := keep - p.Kept; keep <= 0 || room > 0 {
			limit := 0
			if keep > 0 {
				limit = room
			}
			hits := m.Find(t.ClippingID, t.Body, limit)
			n = len(hits)
			if len(hits) > 0 {
				p.Kept += len(hits)
				if onHits != nil {
					onHits(t, hits)
				}
			}
			if keep > 0 && len(hits) == room {
				// The text may hold more than the room left: count it whole.
				n = m.Count(t.Body)
			}
		} else {
			n = m.Count(t.Body)
		}
		p.Hits += n
		if n > 0 {
			p.Clippings++
		}
		p.Searched++
		if onProgress != nil && time.Since(last) >= progressEvery {
			last = time.Now()
			onProgress(p)
		}
	}
	p.Done = true
	if onProgress != nil {
		onProgress(p)
	}
	return p, nil
}
