package gui

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"clipper/model"
	"clipper/model/store"
	"clipper/model/suggest"
)

// Suggestions are computed per clipping and reviewed on the open one. A
// suggestion is pending (drawn dashed and listed for review) while its kind
// has a tag, the current coder has not annotated its span with that tag,
// and nobody has rejected it. Accepting stores an annotation, which hides
// it; undoing the accept shows it again. Rejecting is remembered in the
// project file. Only the open clipping's suggestions are held in full; of
// the other computed clippings the session keeps a tally per kind (for
// the library's counts and Accept all) and the few spans dismissed there
// without a rejection, and computes their suggestions again when needed.

// suggestionPrefix starts the highlight id of every suggestion, so the
// reader can tell them from annotations (whose ids are UUIDs).
const suggestionPrefix = "suggestion/"

// pending is a suggestion waiting for review on the open clipping.
type pending struct {
	suggest.Suggestion
	ID  string    // highlight id
	Tag model.Tag // the tag it becomes when accepted
}

// suggestionID is the highlight id of s: its kind and span.
func suggestionID(s suggest.Suggestion) string {
	return fmt.Sprintf("%s%s/%d/%d", suggestionPrefix, s.Kind, s.Start, s.End)
}

func isSuggestionID(id string) bool { return strings.HasPrefix(id, suggestionPrefix) }

// suggestions is the session's suggestion state.
type suggestions struct {
	kept   tallies               // every computed clipping: what waits for review, by kind
	marked map[string][]spanMark // by clipping id: dismissed in the session without a rejection
	tagged [len(tallyKinds)]bool // kinds that have a tag, as of the last recompute
	clip   string                // clipping the lists below belong to
	found  []suggest.Suggestion  // the open clipping's suggestions, minus rejected and dismissed
	loaded bool                  // found holds them (false while computed again, or never computed)
	all    []pending             // the open clipping's pending suggestions
	shown  []pending             // all, filtered by kind
	kind   suggest.Kind          // kind filter, "" for every kind
	cur    string                // id of the current suggestion, "" for none
	stop   context.CancelFunc    // cancels a running Suggest (asked for by the user)
	busy   bool                  // a Suggest asked for by the user runs
	reload context.CancelFunc    // cancels computing the open clipping's suggestions again
	bulks  []*bulkAccept         // the latest accepts in every clipping, oldest first
}

func newSuggestions() *suggestions {
	return &suggestions{kept: newTallies(), marked: map[string][]spanMark{}}
}

// has reports whether suggestions were computed for a clipping.
func (s *suggestions) has(clipID string) bool {
	_, ok := s.kept.get(clipID)
	return ok
}

// loading reports whether the open clipping's suggestions are being
// computed (by Suggest, or again on opening it).
func (s *suggestions) loading() bool { return s.busy || s.reload != nil }

// index returns the position of id in shown, or -1.
func (s *suggestions) index(id string) int {
	return slices.IndexFunc(s.shown, func(p pending) bool { return p.ID == id })
}

// byID returns the shown suggestion with id.
func (s *suggestions) byID(id string) (pending, bool) {
	if i := s.index(id); i >= 0 {
		return s.shown[i], true
	}
	return pending{}, false
}

// count is how many suggestions of a clipping wait for review.
func (s *suggestions) count(clipID string) int {
	if clipID == s.clip && s.loaded {
		return len(s.all)
	}
	t, _ := s.kept.get(clipID)
	n := 0
	for i, ok := range s.tagged {
		if ok {
			n += int(t[i])
		}
	}
	return n
}

// kindCount is how many suggestions of kind k wait for review in a
// clipping.
func (s *suggestions) kindCount(clipID string, k suggest.Kind) int {
	if clipID == s.clip && s.loaded {
		n := 0
		for _, p := range s.all {
			if p.Kind == k {
				n++
			}
		}
		return n
	}
	t, _ := s.kept.get(clipID)
	return t.of(k)
}

// leave keeps what the session needs of the open clipping when another
// one opens (recomputeSuggestions keeps its tally up to date): as
// dismissed, the suggestions that were not pending although their kind has
// a tag (the coder tagged their span), as they stay out of review for the
// rest of the session. A computation of its suggestions still running is
// stopped.
func (s *suggestions) leave() {
	if s.reload != nil {
		s.reload()
		s.reload = nil
	}
	if s.clip == "" || !s.loaded || !s.has(s.clip) {
		return
	}
	listed := make(map[spanMark]bool, len(s.all))
	for _, p := range s.all {
		listed[markOf(p.Suggestion)] = true
	}
	for _, sg := range s.found {
		if i := kindSlot(sg.Kind); i >= 0 && s.tagged[i] && !listed[markOf(sg)] {
			s.marked[s.clip] = append(s.marked[s.clip], markOf(sg))
		}
	}
}

// forget drops what the session holds of a clipping: it counts as never
// computed.
func (s *suggestions) forget(clipID string) {
	s.kept.remove(clipID)
	delete(s.marked, clipID)
	if clipID == s.clip {
		if s.reload != nil {
			s.reload()
			s.reload = nil
		}
		s.found, s.loaded = nil, false
	}
}

// tagForKind is the first live tag of a suggestion kind (dates have none).
func (u *UI) tagForKind(k suggest.Kind) (model.Tag, bool) {
	for _, t := range u.tags {
		if t.Kind != model.KindCustom && string(t.Kind) == string(k) {
			return t, true
		}
	}
	return model.Tag{}, false
}

// spanKey identifies an annotated span for "already annotated" checks.
type spanKey struct {
	tag        string
	start, end int
}

// annotatedBy returns the spans coderID annotated in as.
func annotatedBy(as []model.Annotation, coderID string) map[spanKey]bool {
	have := map[spanKey]bool{}
	for _, a := range as {
		if a.CoderID == coderID {
			have[spanKey{a.TagID, a.Start, a.End}] = true
		}
	}
	return have
}

// recomputeSuggestions rebuilds the open clipping's pending list from its
// suggestions and annotations, keeping the current suggestion (or the one
// that took its place) current. When another clipping has opened whose
// suggestions were computed, they are computed again in the background.
func (u *UI) recomputeSuggestions() {
	s := u.sugg
	kt := kindTagsOf(u.tags)
	for i := range kt {
		s.tagged[i] = kt[i] != ""
	}
	again := false
	if s.clip != u.clip.ID {
		s.leave()
		s.clip, s.cur = u.clip.ID, ""
		s.found, s.loaded = nil, false
		again = s.has(s.clip)
	}
	oldIdx := s.index(s.cur)
	have := annotatedBy(u.anns, u.coder.ID)
	s.all, s.shown = s.all[:0], s.shown[:0]
	for _, sg := range s.found {
		tg, ok := u.tagForKind(sg.Kind)
		if !ok || have[spanKey{tg.ID, sg.Start, sg.End}] {
			continue
		}
		p := pending{Suggestion: sg, ID: suggestionID(sg), Tag: tg}
		s.all = append(s.all, p)
		if s.kind == "" || sg.Kind == s.kind {
			s.shown = append(s.shown, p)
		}
	}
	if s.loaded && s.has(s.clip) {
		s.kept.set(s.clip, tallyOf(s.found, have, kt))
	}
	if s.cur != "" && s.index(s.cur) < 0 {
		s.cur = ""
		if len(s.shown) > 0 && oldIdx >= 0 {
			s.cur = s.shown[min(oldIdx, len(s.shown)-1)].ID
		}
	}
	if again {
		u.suggestAgain(nil)
	}
}

// followBulks brings the counts of the clippings a bulk accept touched in
// line with its being undone or redone (the open clipping counts its
// list). Undo and redo call it: it looks up two annotations per bulk.
func (u *UI) followBulks() {
	s := u.sugg
	for _, b := range s.bulks {
		undone, known := true, true
		for _, id := range b.probes {
			a, err := u.store.Annotation(u.ctx(), id)
			switch {
			case err != nil && !errors.Is(err, store.ErrNotFound):
				known = false
			case err == nil && a.DeletedAt == nil:
				undone = false
			}
		}
		if !known || undone == b.undone {
			continue // unknown, or unchanged: leave the counts
		}
		b.undone = undone
		if undone {
			// Its spans are untagged again: what leaving a clipping
			// recorded as dismissed (tagged) is offered again, as the
			// restored counts say.
			clips := []string{b.open}
			for id := range b.before.all() {
				clips = append(clips, id)
			}
			for _, id := range clips {
				s.marked[id] = slices.DeleteFunc(s.marked[id], func(m spanMark) bool { return int(m.slot) == b.slot })
				if len(s.marked[id]) == 0 {
					delete(s.marked, id)
				}
			}
		}
		for id, was := range b.before.all() {
			t, ok := s.kept.get(id)
			if !ok || (id == s.clip && s.loaded) {
				continue
			}
			t[b.slot] = 0
			if undone {
				t[b.slot] = was[b.slot]
			}
			s.kept.set(id, t)
		}
	}
}

// acceptSuggestion stores suggestion id as an annotation of its kind's tag
// with the suggested attributes; the next suggestion becomes current.
func (u *UI) acceptSuggestion(id string) {
	p, ok := u.sugg.byID(id)
	if !ok {
		return
	}
	u.acceptSuggestionAs(p, p.Tag)
}

// acceptSuggestionAs stores p's span as an annotation with tag t; the
// suggested attributes carry over when t has p's kind.
func (u *UI) acceptSuggestionAs(p pending, t model.Tag) {
	if u.waitsForBulk() {
		return
	}
	if u.coder.ID == "" {
		u.askCoder(true)
		return
	}
	if slices.ContainsFunc(u.anns, func(a model.Annotation) bool {
		return a.CoderID == u.coder.ID && a.TagID == t.ID && a.Start == p.Start && a.End == p.End
	}) {
		u.flash("You already tagged that span as " + t.Name + ".")
		return
	}
	a := u.suggestionAnnotation(p, t)
	if err := u.store.AddAnnotation(u.ctx(), a); err != nil {
		u.showError(fmt.Errorf("accepting the suggestion: %w", err))
		return
	}
	u.sugg.cur = p.ID // recompute moves it to the suggestion that takes its place
	u.reloadAnnotations()
	u.flash(fmt.Sprintf("Accepted %s “%s” — Ctrl+Z undoes.", t.Name, shorten(oneLine(p.Text), 40)))
}

// suggestionAnnotation is the annotation that accepting p as tag t creates.
func (u *UI) suggestionAnnotation(p pending, t model.Tag) *model.Annotation {
	at := model.Attributes{}
	if string(t.Kind) == string(p.Kind) {
		at = suggestionAttributes(p.Suggestion)
	} else if t.Kind == model.KindClaim {
		at.Status = model.StatusUnverified
	}
	return &model.Annotation{
		ClippingID: u.clip.ID, TagID: t.ID, CoderID: u.coder.ID,
		Start: p.Start, End: p.End, Exact: p.Text,
		Attributes: at,
		Origin:     model.OriginSuggestion,
	}
}

// suggestionAttributes carries a suggestion's fields into an annotation's
// attributes; a claim starts unverified.
func suggestionAttributes(s suggest.Suggestion) model.Attributes {
	at := model.Attributes{Speaker: s.Speaker, Claimant: s.Claimant,
		Value: s.Value, Low: s.Low, High: s.High, Unit: s.Unit, Comparator: s.Comparator}
	if !model.ValidComparator(at.Comparator) {
		at.Comparator = ""
	}
	if s.Kind == suggest.KindClaim {
		at.Status = model.StatusUnverified
	}
	return at
}

// rejectSuggestion records suggestion id as rejected in the project, so it
// is not offered again for the same text, and moves to the next one.
func (u *UI) rejectSuggestion(id string) {
	p, ok := u.sugg.byID(id)
	if !ok || u.waitsForBulk() {
		return
	}
	r := store.Rejection{ClippingID: u.clip.ID, Kind: string(p.Kind), Start: p.Start, End: p.End, Text: p.Text}
	if err := u.store.RejectSuggestion(u.ctx(), u.coder.ID, r); err != nil {
		u.showError(fmt.Errorf("rejecting the suggestion: %w", err))
		return
	}
	u.sugg.found = slices.DeleteFunc(u.sugg.found, func(s suggest.Suggestion) bool {
		return s.Kind == p.Kind && s.Start == p.Start && s.End == p.End
	})
	u.refreshSuggestions()
	u.flash(fmt.Sprintf("Rejected %s “%s”; it will not be suggested again.", p.Kind, shorten(oneLine(p.Text), 40)))
}

// dropRejected removes the suggestions that a rejection hides: same kind,
// start and text.
func dropRejected(ss []suggest.Suggestion, rs []store.Rejection) []suggest.Suggestion {
	if len(rs) == 0 {
		return ss
	}
	type key struct {
		kind  string
		start int
		text  string
	}
	gone := map[key]bool{}
	for _, r := range rs {
		gone[key{r.Kind, r.Start, r.Text}] = true
	}
	return slices.DeleteFunc(ss, func(s suggest.Suggestion) bool {
		return gone[key{string(s.Kind), s.Start, s.Text}]
	})
}

// moveSuggestion makes the next (dir > 0) or previous shown suggestion
// current, wrapping around, and scrolls the reader to it.
func (u *UI) moveSuggestion(dir int) {
	s := u.sugg
	if len(s.shown) == 0 {
		return
	}
	i := s.index(s.cur)
	switch {
	case i < 0 && dir > 0:
		i = 0
	case i < 0:
		i = len(s.shown) - 1
	default:
		i = (i + dir + len(s.shown)) % len(s.shown)
	}
	u.setCurrentSuggestion(s.shown[i].ID)
}

// setCurrentSuggestion marks suggestion id in the list and the reader and
// scrolls the reader to it; the selected annotation is deselected.
func (u *UI) setCurrentSuggestion(id string) {
	if u.selected != "" {
		u.selectAnnotation("", false)
	}
	u.sugg.cur = id
	u.reviewer.showCurrent()
	u.reader.outline(id)
	if p, ok := u.sugg.byID(id); ok {
		u.reader.scrollTo(p.Start)
	}
}

// acceptAllOfKind stores every pending suggestion of kind k in the open
// clipping as annotations in one group (one undo step), skipping spans the
// coder already tagged. It returns how many were added.
func (u *UI) acceptAllOfKind(k suggest.Kind) (int, error) {
	if u.coder.ID == "" {
		return 0, fmt.Errorf("set your coder name first (Edit → Coder name)")
	}
	var batch []*model.Annotation
	for _, p := range u.sugg.all {
		if p.Kind == k {
			batch = append(batch, u.suggestionAnnotation(p, p.Tag))
		}
	}
	if len(batch) == 0 {
		return 0, nil
	}
	res, err := u.store.AddAnnotationGroup(u.ctx(), u.coder.ID, slices.Values(batch), store.GroupOptions{SkipExisting: true})
	if err != nil {
		return 0, fmt.Errorf("accepting %d %s suggestions: %w", len(batch), k, err)
	}
	u.reloadAnnotations()
	return res.Added, nil
}

// refreshSuggestions recomputes the pending list and redraws list and
// highlights.
func (u *UI) refreshSuggestions() {
	u.recomputeSuggestions()
	u.redrawMarks()
	u.reviewer.refresh()
	u.lib.refreshRows()
}

// reviewing reports whether the Suggestions tab is showing.
func (u *UI) reviewing() bool { return u.tabs != nil && u.tabs.Selected() == u.reviewTab }

// shorten shortens s to n code points with an ellipsis.
func shorten(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}
