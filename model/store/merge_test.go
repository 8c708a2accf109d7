package store

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"clipper/model"
)

// TestMergeTwoCoders: share → each coder annotates their copy → merge both
// ways → both projects hold every annotation; merging the same file again
// changes nothing.
func TestMergeTwoCoders(t *testing.T) {
	ana := newFixture(t)
	second := &model.Clipping{Body: "Second clipping: the river rose 2 metres overnight, officials said."}
	if _, err := ana.s.AddClipping(ana.ctx, second); err != nil {
		t.Fatal(err)
	}
	ana.addOn(t, ana.clip, "claim", "The unemployment rate fell", "before sharing")
	bPath := share(t, ana, ShareOptions{})
	ben := openAs(t, bPath, "Ben", ana.clip)

	// Each annotates independently, new tags and all.
	ana.addOn(t, ana.clip, "figure", "4.2 percent", "Ana's figure")
	ana.addOn(t, second, "figure", "2 metres", "")
	benTag := &model.Tag{Name: "Source", Kind: model.KindCustom, Color: "#336699", Shortcut: "s"}
	if err := ben.s.CreateTag(ben.ctx, ben.coder.ID, benTag); err != nil {
		t.Fatal(err)
	}
	ben.tags["Source"] = *benTag
	ben.addOn(t, ana.clip, "quote", "dit Marie", "Ben's quote")
	ben.addOn(t, ana.clip, "Source", "the ministry said", "")
	ben.addOn(t, second, "claim", "the river rose", "Ben's claim")
	ben.rejectOne(t, second.ID)

	anaBefore, benBefore := liveSet(t, ana.s), liveSet(t, ben.s)
	want := maps.Clone(anaBefore)
	maps.Copy(want, benBefore)
	if len(want) != 6 {
		t.Fatalf("setup: %d distinct annotations, want 6", len(want))
	}

	rep := merge(t, ana, bPath, MergeOptions{})
	a := rep.Annotations
	if a.Added != 3 || a.Updated != 0 || len(a.Conflicts) != 0 || a.Unchanged != 1 || len(rep.Tags.Added) != 1 ||
		len(rep.Coders.Added) != 1 || rep.Coders.Added[0].Name != "Ben" || rep.Rejections != 1 || rep.MergeID == "" {
		t.Errorf("Ben → Ana: %s\n%+v", rep.Summary(), rep)
	}
	anaPath := ana.s.Path()
	rep = merge(t, ben, anaPath, MergeOptions{})
	if rep.Annotations.Added != 2 || rep.Annotations.Unchanged != 4 || len(rep.Annotations.Conflicts) != 0 {
		t.Errorf("Ana → Ben: %s", rep.Summary())
	}
	for who, s := range map[string]*Store{"Ana": ana.s, "Ben": ben.s} {
		got := liveSet(t, s)
		if !slices.Equal(slices.Sorted(maps.Keys(got)), slices.Sorted(maps.Keys(want))) {
			t.Errorf("%s holds %d annotations, want all %d", who, len(got), len(want))
		}
		for id, w := range want {
			g := got[id]
			if g.Note != w.Note || g.Start != w.Start || g.Exact != w.Exact || g.CoderID != w.CoderID {
				t.Errorf("%s: annotation %s = %+v, want %+v", who, id, g, w)
			}
		}
		checkFTS(t, s)
		if hits, err := s.Search(ana.ctx, "Ben's", 0); err != nil || len(hits) != 2 {
			t.Errorf("%s: search for a merged note: %d hits, %v", who, len(hits), err)
		}
	}
	if tg, err := ana.s.TagByName(ana.ctx, "Source"); err != nil || tg.ID != benTag.ID || tg.Shortcut != "s" {
		t.Errorf("Ben's tag in Ana's project: %+v %v", tg, err)
	}
	if rs, err := ana.s.Rejections(ana.ctx, second.ID); err != nil || len(rs) != 1 {
		t.Errorf("Ben's rejection in Ana's project: %v %v", rs, err)
	}

	// Merging again brings nothing new (Ana only learns that the two
	// annotations Ben took from her are in sync); merging the same file
	// once more changes nothing at all, on either side.
	for _, side := range []struct {
		f   *fixture
		src string
	}{{ana, bPath}, {ben, anaPath}, {ana, bPath}, {ben, anaPath}} {
		before := snapshot(t, side.f.s)
		rep := merge(t, side.f, side.src, MergeOptions{})
		if rep.Changes() != 0 || rep.MergeID != "" || rep.Annotations.Unchanged != 6 {
			t.Errorf("merging %s again: %s", side.src, rep.Summary())
		}
		mid := snapshot(t, side.f.s)
		if mid != before && side.f == ben {
			t.Errorf("merging %s again changed Ben's project, which has every sync record", side.src)
		}
		rep = merge(t, side.f, side.src, MergeOptions{})
		if rep.Changes() != 0 || snapshot(t, side.f.s) != mid {
			t.Errorf("merging the same file %s twice changed the project: %s", side.src, rep.Summary())
		}
	}
	// The audit trail names who merged what.
	var source, coder string
	var n int
	if err := ana.s.db.QueryRow(`SELECT count(*), max(source), max(coder_id) FROM merges`).Scan(&n, &source, &coder); err != nil ||
		n != 1 || source != "shared.clip" || coder != ana.coder.ID {
		t.Errorf("merges audit: %d %q %q %v", n, source, coder, err)
	}
}

// rejectOne rejects a suggestion on a clipping as f's coder.
func (f *fixture) rejectOne(t testing.TB, clipping string) {
	t.Helper()
	if err := f.s.RejectSuggestion(f.ctx, f.coder.ID, Rejection{ClippingID: clipping, Kind: "quote", Start: 0, End: 6, Text: "Second"}); err != nil {
		t.Fatal(err)
	}
}

// TestMergeDryRun: a dry run reports what the merge then does and changes
// nothing.
func TestMergeDryRun(t *testing.T) {
	ana := newFixture(t)
	x := ana.addOn(t, ana.clip, "claim", "The unemployment rate fell", "x")
	bPath := share(t, ana, ShareOptions{})
	ben := openAs(t, bPath, "Ben", ana.clip)
	ben.addOn(t, ana.clip, "quote", "dit Marie", "")
	ben.setNote(t, x, "Ben's x")
	ana.setNote(t, ana.addOn(t, ana.clip, "figure", "4.2 percent", "y"), "y2")
	ben.s.Close()

	before := snapshot(t, ana.s)
	dry := merge(t, ana, bPath, MergeOptions{DryRun: true})
	if snapshot(t, ana.s) != before {
		t.Fatal("a dry run changed the project")
	}
	if !dry.DryRun || dry.MergeID != "" || dry.Annotations.Added != 1 || dry.Annotations.Updated != 1 || len(dry.Coders.Added) != 1 {
		t.Errorf("dry run: %s", dry.Summary())
	}
	if !strings.HasPrefix(dry.Summary(), "would merge shared.clip: 1 coders added, 1 annotations added, 1 annotations updated") {
		t.Errorf("dry-run summary: %s", dry.Summary())
	}
	done := merge(t, ana, bPath, MergeOptions{})
	dry.DryRun, dry.MergeID = false, done.MergeID
	if d, g := dry.Summary(), done.Summary(); d != g {
		t.Errorf("dry run said %q, the merge did %q", d, g)
	}
	if got, _ := ana.s.Annotation(ana.ctx, x.ID); got.Note != "Ben's x" {
		t.Errorf("only Ben changed x; note = %q", got.Note)
	}
}

// TestMergeConflicts covers the outcomes of an annotation both files have,
// and resolving the conflicts.
func TestMergeConflicts(t *testing.T) {
	ana := newFixture(t)
	anns := map[string]model.Annotation{}
	for _, k := range []struct{ name, sub string }{{"both", "Le café"}, {"theirs", "coûte 3 €"}, {"ours", "dit Marie"},
		{"same", "The unemployment rate"}, {"theyDelete", "4.2 percent"}, {"weDelete", "in May"}, {"untouched", "the ministry"}} {
		anns[k.name] = ana.addOn(t, ana.clip, "claim", k.sub, "base")
	}
	bPath := share(t, ana, ShareOptions{})
	ben := openAs(t, bPath, "Ben", ana.clip)

	ben.setNote(t, anns["both"], "Ben's version")
	ana.setNote(t, anns["both"], "Ana's version")
	ben.setNote(t, anns["theirs"], "Ben only")
	ana.setNote(t, anns["ours"], "Ana only")
	ben.setNote(t, anns["same"], "agreed")
	ana.setNote(t, anns["same"], "agreed")
	if err := ben.s.DeleteAnnotation(ben.ctx, ben.coder.ID, anns["theyDelete"].ID); err != nil {
		t.Fatal(err)
	}
	if err := ana.s.DeleteAnnotation(ana.ctx, ana.coder.ID, anns["weDelete"].ID); err != nil {
		t.Fatal(err)
	}
	ben.setNote(t, anns["weDelete"], "Ben edited what Ana deleted")

	rep := merge(t, ana, bPath, MergeOptions{})
	a := rep.Annotations
	if a.Updated != 1 || a.UpdatedIDs[0] != anns["theirs"].ID || a.Deleted != 1 || a.DeletedIDs[0] != anns["theyDelete"].ID ||
		len(a.Conflicts) != 2 || a.Unchanged != 3 || a.Added != 0 {
		t.Fatalf("report: %s\n%+v", rep.Summary(), a)
	}
	note := func(name string) (string, bool) {
		got, err := ana.s.Annotation(ana.ctx, anns[name].ID)
		if err != nil {
			t.Fatal(err)
		}
		return got.Note, got.DeletedAt != nil
	}
	for name, want := range map[string]struct {
		note    string
		deleted bool
	}{
		"both": {"Ana's version", false}, "theirs": {"Ben only", false}, "ours": {"Ana only", false},
		"same": {"agreed", false}, "theyDelete": {"base", true}, "weDelete": {"base", true}, "untouched": {"base", false},
	} {
		if n, d := note(name); n != want.note || d != want.deleted {
			t.Errorf("%s: note %q deleted %v, want %q %v", name, n, d, want.note, want.deleted)
		}
	}
	cs, err := ana.s.Conflicts(ana.ctx)
	if err != nil {
		t.Fatal(err)
	}
	byAnn := map[string]Conflict{}
	for _, c := range cs {
		byAnn[c.Ours.ID] = c
	}
	both, weDel := byAnn[anns["both"].ID], byAnn[anns["weDelete"].ID]
	if len(cs) != 2 || both.Ours.Note != "Ana's version" || both.Theirs.Note != "Ben's version" || both.Source != "shared.clip" ||
		weDel.Ours.DeletedAt == nil || weDel.Theirs.DeletedAt != nil || weDel.Theirs.Note != "Ben edited what Ana deleted" {
		t.Fatalf("conflicts: %+v", cs)
	}

	// Merging again records nothing new.
	before := snapshot(t, ana.s)
	again := merge(t, ana, bPath, MergeOptions{})
	if again.Changes() != 0 || again.Annotations.AlreadyInConflict != 2 || snapshot(t, ana.s) != before {
		t.Errorf("second merge: %s", again.Summary())
	}

	wantErr(t, ana.s.ResolveConflict(ana.ctx, ana.coder.ID, both.ID, "mine"), ErrInvalid)
	if err := ana.s.ResolveConflict(ana.ctx, ana.coder.ID, both.ID, "theirs"); err != nil {
		t.Fatal(err)
	}
	if err := ana.s.ResolveConflict(ana.ctx, ana.coder.ID, weDel.ID, "ours"); err != nil {
		t.Fatal(err)
	}
	wantErr(t, ana.s.ResolveConflict(ana.ctx, ana.coder.ID, both.ID, "ours"), ErrNotFound)
	if n, _ := note("both"); n != "Ben's version" {
		t.Errorf("resolved with theirs: note %q", n)
	}
	if n, d := note("weDelete"); !d || n != "base" {
		t.Errorf("resolved with ours: %q deleted %v", n, d)
	}
	if cs, err := ana.s.Conflicts(ana.ctx); err != nil || len(cs) != 0 {
		t.Errorf("open conflicts after resolving: %d %v", len(cs), err)
	}
	checkFTS(t, ana.s)
	if hits, err := ana.s.Search(ana.ctx, "Ben's version", 0); err != nil || len(hits) != 1 {
		t.Errorf("search after taking theirs: %v %v", hits, err)
	}
	// Resolved conflicts stay resolved.
	before = snapshot(t, ana.s)
	if rep := merge(t, ana, bPath, MergeOptions{}); rep.Changes() != 0 || snapshot(t, ana.s) != before {
		t.Errorf("merge after resolving: %s", rep.Summary())
	}
	// Taking theirs is one undo step.
	if _, err := ana.s.Undo(ana.ctx, ana.coder.ID); err != nil {
		t.Fatal(err)
	}
	if n, _ := note("both"); n != "Ana's version" {
		t.Errorf("after undoing the resolution: %q", n)
	}
}

// TestMergeNoSyncRecord: two projects that never synced (each imported the
// same text): clippings match by text, tags by name (or kept apart), and
// equal annotations would not be conflicts.
func TestMergeNoSyncRecord(t *testing.T) {
	for _, keepBoth := range []bool{false, true} {
		name := "merge tags"
		if keepBoth {
			name = "keep both tags"
		}
		t.Run(name, func(t *testing.T) {
			ana, ben := newFixture(t), newFixture(t)
			if err := ben.s.RenameCoder(ben.ctx, ben.coder.ID, "Ben"); err != nil {
				t.Fatal(err)
			}
			if ana.clip.ID == ben.clip.ID || ana.tags["claim"].ID == ben.tags["claim"].ID {
				t.Fatal("setup: independent projects should have their own ids")
			}
			for _, f := range []*fixture{ana, ben} {
				tg := &model.Tag{Name: "Source", Kind: model.KindCustom, Shortcut: "s"}
				if err := f.s.CreateTag(f.ctx, f.coder.ID, tg); err != nil {
					t.Fatal(err)
				}
				f.tags["Source"] = *tg
			}
			ben.addOn(t, ben.clip, "claim", "The unemployment rate fell", "Ben's claim")
			ben.addOn(t, ben.clip, "Source", "the ministry said", "")
			ben.s.Close()

			rep := merge(t, ana, ben.s.Path(), MergeOptions{KeepBothTags: keepBoth})
			if len(rep.Clippings.MatchedByHash) != 1 || rep.Clippings.MatchedByHash[0].ID != ana.clip.ID || rep.Annotations.Added != 2 {
				t.Fatalf("report: %s", rep.Summary())
			}
			tagName := map[string]string{} // tag id → name
			for n, id := range allTags(t, ana.s) {
				tagName[id] = n
			}
			tags := map[string]string{} // annotated text → tag name
			for _, a := range liveSet(t, ana.s) {
				if a.ClippingID != ana.clip.ID {
					t.Errorf("annotation %s stays on the other file's clipping %s", a.ID, a.ClippingID)
				}
				tags[a.Exact] = tagName[a.TagID]
			}
			wantSource := "Source"
			if keepBoth {
				wantSource = "Source (2)"
			}
			if tags["The unemployment rate fell"] != "claim" || tags["the ministry said"] != wantSource {
				t.Errorf("tags of merged annotations: %v", tags)
			}
			merged, added := len(rep.Tags.Merged), len(rep.Tags.Added)
			if keepBoth && (merged != 3 || added != 1 || rep.Tags.Added[0].Name != "Source (2)") ||
				!keepBoth && (merged != 4 || added != 0) {
				t.Errorf("tags: merged %v, added %v", rep.Tags.Merged, rep.Tags.Added)
			}
			if keepBoth {
				tg, err := ana.s.TagByName(ana.ctx, "Source (2)")
				if err != nil || tg.Shortcut != "" {
					t.Errorf("kept-apart tag %+v %v: its clashing shortcut should be dropped", tg, err)
				}
			}
			snap := snapshot(t, ana.s)
			if rep := merge(t, ana, ben.s.Path(), MergeOptions{KeepBothTags: keepBoth}); rep.Changes() != 0 || snapshot(t, ana.s) != snap {
				t.Errorf("second merge: %s", rep.Summary())
			}
		})
	}
}

// allTags maps every live tag's name to its id.
func allTags(t testing.TB, s *Store) map[string]string {
	t.Helper()
	ts, err := s.Tags(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]string{}
	for _, tg := range ts {
		m[tg.Name] = tg.ID
	}
	return m
}

// TestMergeRevivesDeletedTag: a tag deleted here that the colleague used for
// new annotations comes back rather than hiding them.
func TestMergeRevivesDeletedTag(t *testing.T) {
	ana := newFixture(t)
	tg := &model.Tag{Name: "Source", Kind: model.KindCustom}
	if err := ana.s.CreateTag(ana.ctx, ana.coder.ID, tg); err != nil {
		t.Fatal(err)
	}
	ana.tags["Source"] = *tg
	old := ana.addOn(t, ana.clip, "Source", "dit Marie", "")
	bPath := share(t, ana, ShareOptions{})
	ben := openAs(t, bPath, "Ben", ana.clip)
	added := ben.addOn(t, ana.clip, "Source", "the ministry said", "")
	if err := ana.s.DeleteTag(ana.ctx, ana.coder.ID, tg.ID, "", nil); err != nil {
		t.Fatal(err)
	}
	rep := merge(t, ana, bPath, MergeOptions{})
	if len(rep.Tags.Revived) != 1 || rep.Annotations.Added != 1 {
		t.Fatalf("report: %s", rep.Summary())
	}
	live := liveSet(t, ana.s)
	if _, ok := live[added.ID]; !ok {
		t.Error("Ben's new annotation is not live")
	}
	if _, ok := live[old.ID]; ok {
		t.Error("the annotation Ana deleted with the tag came back")
	}
	if _, err := ana.s.TagByName(ana.ctx, "Source"); err != nil {
		t.Errorf("revived tag: %v", err)
	}
}

// TestMergeStaleCopyKeepsNewerEdits: sync records are per replica, so a
// colleague's copy that never saw an edit does not undo it.
func TestMergeStaleCopyKeepsNewerEdits(t *testing.T) {
	ana := newFixture(t)
	x := ana.addOn(t, ana.clip, "claim", "The unemployment rate fell", "original")
	bPath, cPath := share(t, ana, ShareOptions{}), share(t, ana, ShareOptions{})
	ben := openAs(t, bPath, "Ben", ana.clip)
	ben.setNote(t, x, "Ben's fix")
	carl := openAs(t, cPath, "Carl", ana.clip)
	carl.addOn(t, ana.clip, "quote", "dit Marie", "")

	if rep := merge(t, ana, bPath, MergeOptions{}); rep.Annotations.Updated != 1 {
		t.Fatalf("Ben: %s", rep.Summary())
	}
	rep := merge(t, ana, cPath, MergeOptions{})
	if rep.Annotations.Added != 1 || rep.Annotations.Updated != 0 || len(rep.Annotations.Conflicts) != 0 {
		t.Errorf("Carl: %s", rep.Summary())
	}
	if got, _ := ana.s.Annotation(ana.ctx, x.ID); got.Note != "Ben's fix" {
		t.Errorf("Carl's stale copy undid Ben's edit: note %q", got.Note)
	}
	// And Carl, merging Ana's project, gets Ben's edit.
	if rep := merge(t, carl, ana.s.Path(), MergeOptions{}); rep.Annotations.Updated != 1 || len(rep.Annotations.Conflicts) != 0 {
		t.Errorf("Ana → Carl: %s", rep.Summary())
	}
	if got, _ := carl.s.Annotation(carl.ctx, x.ID); got.Note != "Ben's fix" {
		t.Errorf("Carl's note %q", got.Note)
	}
}
