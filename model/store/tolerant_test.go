package store

import (
	"context"
	"slices"
	"strings"
	"testing"

	"clipper/model"
)

// handEdited makes a project, closes it, runs stmts on it with the raw
// driver — values an older Clipper or a hand edit could leave — and opens
// it again. It returns the store and the fixture's ids by name.
func handEdited(t *testing.T, stmts ...string) (*Store, map[string]string) {
	t.Helper()
	f := newFixture(t)
	ids := map[string]string{"clip": f.clip.ID, "coder": f.coder.ID}
	for i, sub := range []string{"Le café", "coûte 3 €", "dit Marie", "unemployment rate", "4.2 percent"} {
		a := f.addOn(t, f.clip, "quote", sub, "")
		ids[string(rune('1'+i))] = a.ID
	}
	path := f.s.Path()
	f.s.Close()
	db := rawDB(t, path)
	for _, q := range stmts {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	db.Close()
	s, err := Open(path)
	if err != nil {
		t.Fatalf("a project with bad values must still open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s, ids
}

// badValues are hand edits that each break one read today.
var badValues = []string{
	`UPDATE clippings SET imported_at = 'yesterday', created_at = '2024-05-03 10:00:00', details = '[1]', words = 'many'`,
	`PRAGMA ignore_check_constraints = ON`,
	`UPDATE clippings SET authors = 'Marie, Jean'`,
	`UPDATE annotations SET created_at = 'soon' WHERE rid = 1`,
	`UPDATE annotations SET start = 'x', "end" = 'y' WHERE rid = 2`,
	`UPDATE annotations SET exact = 'something else' WHERE rid = 3`,
	`UPDATE annotations SET value = 'abc' WHERE rid = 4`,
	`UPDATE annotations SET "end" = 5000 WHERE rid = 5`,
	`UPDATE tags SET updated_at = 1714730000 WHERE name = 'claim'`,
	`UPDATE coders SET updated_at = 'never'`,
}

// TestReadsCarryOnPastBadValues: every reader returns the rows, with the
// unusable value emptied and the problem noted; an annotation whose span
// cannot be read is left out.
func TestReadsCarryOnPastBadValues(t *testing.T) {
	s, ids := handEdited(t, badValues...)
	ctx := context.Background()
	cs, err := s.Clippings(ctx)
	if err != nil || len(cs) != 1 {
		t.Fatalf("Clippings: %v %v", len(cs), err)
	}
	if c := cs[0]; !c.ImportedAt.IsZero() || !c.CreatedAt.IsZero() || c.Authors != nil || c.Details != nil ||
		c.Words != 0 || c.Headline != "Prices" || c.UpdatedAt.IsZero() {
		t.Errorf("clipping read as %+v", c)
	}
	if _, err := s.Clipping(ctx, ids["clip"]); err != nil {
		t.Error(err)
	}
	if sum, err := s.ClippingSummaries(ctx); err != nil || len(sum) != 1 || !sum[0].ImportedAt.IsZero() {
		t.Errorf("ClippingSummaries: %+v %v", sum, err)
	}
	as, err := s.Annotations(ctx, AnnotationFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, a := range as {
		got = append(got, a.ID)
	}
	if want := []string{ids["1"], ids["3"], ids["4"], ids["5"]}; !sameSet(got, want) {
		t.Errorf("annotations %v, want %v (the one without a readable span left out)", got, want)
	}
	if a, err := s.Annotation(ctx, ids["1"]); err != nil || !a.CreatedAt.IsZero() {
		t.Errorf("Annotation: %+v %v", a, err)
	}
	if a, err := s.Annotation(ctx, ids["4"]); err != nil || a.Value != nil {
		t.Errorf("Annotation with a bad value: %+v %v", a, err)
	}
	if _, err := s.Annotation(ctx, ids["2"]); err == nil {
		t.Error("an annotation without a readable span was returned")
	}
	if ts, err := s.Tags(ctx); err != nil || len(ts) != 3 {
		t.Errorf("Tags: %v %v", ts, err)
	}
	if cs, err := s.Coders(ctx); err != nil || len(cs) != 1 || !cs[0].UpdatedAt.IsZero() {
		t.Errorf("Coders: %+v %v", cs, err)
	}
	var cols []string
	for _, p := range s.Problems() {
		if p.ID == "" || p.Table == "" || p.Problem == "" {
			t.Errorf("problem without its row: %+v", p)
		}
		cols = append(cols, p.Table+"."+p.Column)
	}
	for _, want := range []string{"clippings.imported_at", "clippings.created_at", "clippings.authors", "clippings.details",
		"clippings.words", "annotations.created_at", "annotations.start", "annotations.value", "tags.updated_at",
		"coders.updated_at"} {
		if !slices.Contains(cols, want) {
			t.Errorf("no problem noted for %s; noted: %v", want, cols)
		}
	}
	// Writing goes on too.
	if _, err := s.EnsureCoder(ctx, "Ben"); err != nil {
		t.Error(err)
	}
	if err := s.CreateTag(ctx, ids["coder"], &model.Tag{Name: "source", Kind: model.KindCustom}); err != nil {
		t.Error(err)
	}
}

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

// TestDiagnoseAndRepair: Diagnose names every bad value with what Repair
// would do; Repair does it in one transaction, logs the annotation
// changes, and leaves nothing but what cannot be repaired.
func TestDiagnoseAndRepair(t *testing.T) {
	s, ids := handEdited(t, append(badValues,
		`UPDATE tags SET name = 'source' || char(8203) WHERE name = 'figure'`,
		`UPDATE clippings SET headline = CAST(x'ff41' AS TEXT)`)...)
	ctx := context.Background()
	ps, err := s.Diagnose(ctx)
	if err != nil {
		t.Fatal(err)
	}
	byCol := map[string]Problem{}
	for _, p := range ps {
		t.Logf("%s.%s %s: %s → %s", p.Table, p.Column, p.ID, p.Problem, p.Repair)
		byCol[p.Table+"."+p.Column+"."+p.ID] = p
	}
	for _, c := range []struct{ key, problem, repair string }{
		{"clippings.imported_at." + ids["clip"], "yesterday", "set to the row's created_at"},
		{"clippings.created_at." + ids["clip"], "2024-05-03 10:00:00", "re-formatted as 2024-05-03T10:00:00.000Z"},
		{"clippings.authors." + ids["clip"], "Marie, Jean", "set to []"},
		{"clippings.words." + ids["clip"], "many", "cleared"},
		{"clippings.headline." + ids["clip"], "not valid UTF-8", "replaced"},
		{"annotations.created_at." + ids["1"], "soon", "set to the row's updated_at"},
		{"annotations.start." + ids["2"], `"x"`, "re-anchored at 8–17"},
		{"annotations.exact." + ids["3"], "something else", "orphaned"},
		{"annotations.value." + ids["4"], "abc", "kept in the note"},
		{"annotations.end." + ids["5"], "outside", "re-anchored at"},
		{"tags.updated_at.", "1714730000", "re-formatted as 2024-05-03T09:53:20.000Z"},
		{"tags.name.", "invisible", `renamed to "source"`},
		{"coders.updated_at." + ids["coder"], "never", "set to the row's created_at"},
	} {
		p, ok := byCol[c.key]
		if !ok {
			for k, q := range byCol {
				if strings.HasPrefix(k, c.key) {
					p, ok = q, true
				}
			}
		}
		if !ok {
			t.Errorf("no problem %s", c.key)
			continue
		}
		if !strings.Contains(p.Problem, c.problem) || !strings.Contains(p.Repair, c.repair) {
			t.Errorf("%s: %q → %q; want %q → %q", c.key, p.Problem, p.Repair, c.problem, c.repair)
		}
	}
	if _, err := s.Repair(ctx, "no such coder"); err == nil {
		t.Error("Repair without an existing coder")
	}
	done, err := s.Repair(ctx, ids["coder"])
	if err != nil {
		t.Fatal(err)
	}
	if len(done) != len(ps) {
		t.Errorf("Repair found %d problems, Diagnose %d", len(done), len(ps))
	}
	for _, p := range done {
		if p.Repair == "" || strings.HasPrefix(p.Repair, "rebuild ") {
			t.Errorf("not repaired: %+v", p)
		}
	}
	left, err := s.Diagnose(ctx)
	if err != nil || len(left) != 0 {
		t.Errorf("after Repair: %+v %v", left, err)
	}
	// The repaired project reads cleanly (a fresh store notes nothing).
	s2, err := Open(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	usable(t, s2)
	c, _ := s2.Clipping(ctx, ids["clip"])
	if !slices.ContainsFunc(c.Details, func(f model.Field) bool {
		return f.Key == keptKey("authors") && f.Value == "Marie, Jean"
	}) {
		t.Errorf("the unreadable authors are not kept: %+v", c.Details)
	}
	a, err := s2.Annotation(ctx, ids["4"])
	if err != nil || a.Value != nil || !strings.Contains(a.Note, `value was "abc"`) {
		t.Errorf("annotation with a bad value after repair: %+v %v", a, err)
	}
	review, err := s2.AnchorReview(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(review, func(r AnchorIssue) bool { return r.Annotation.ID == ids["3"] && r.Status == "orphan" }) {
		t.Errorf("the moved annotation should be orphaned for review: %+v", review)
	}
	hist, err := s2.History(ctx, 0)
	if err != nil || len(hist) < 4 || hist[0].CoderID != ids["coder"] {
		t.Errorf("repairs of annotations and tags should be in the op log: %d ops, %v", len(hist), err)
	}
	checkFTS(t, s2)
}

// TestRepairMakesMissingTagsAndCoders: annotations whose tag or coder row
// is missing (a hand edit with foreign keys off) get a placeholder tag or
// coder under the missing id from Repair; the annotations keep their ids
// and spans, and the project reads without problems afterwards.
func TestRepairMakesMissingTagsAndCoders(t *testing.T) {
	const tagID, coderID = "01a23495-ffff-7000-8000-000000000062", "01a23495-ffff-7000-8000-000000000063"
	s, ids := handEdited(t,
		`PRAGMA foreign_keys = OFF`,
		`UPDATE annotations SET tag_id = '`+tagID+`' WHERE rid IN (1, 2)`,
		`UPDATE annotations SET coder_id = '`+coderID+`' WHERE rid = 3`)
	ctx := context.Background()
	ps, err := s.Diagnose(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"tag_id." + ids["1"]:   `placeholder tag "Missing tag 01a23495"`,
		"tag_id." + ids["2"]:   `placeholder tag "Missing tag 01a23495"`,
		"coder_id." + ids["3"]: `placeholder coder "Unknown coder 01a23495"`,
	}
	for _, p := range ps {
		if w, ok := want[p.Column+"."+p.ID]; ok {
			if !strings.Contains(p.Repair, w) {
				t.Errorf("%s %s: repair %q, want %q", p.Column, p.ID, p.Repair, w)
			}
			delete(want, p.Column+"."+p.ID)
		}
	}
	if len(want) > 0 {
		t.Fatalf("Diagnose did not report %v (all: %+v)", want, ps)
	}
	coders, err := s.Coders(ctx)
	if err != nil || len(coders) == 0 {
		t.Fatal(coders, err)
	}
	if _, err := s.Repair(ctx, coders[0].ID); err != nil {
		t.Fatalf("Repair: %v", err)
	}
	after, err := s.Diagnose(ctx)
	if err != nil || len(after) != 0 {
		t.Fatalf("after Repair: %+v, %v", after, err)
	}
	tags, err := s.Tags(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(tags, func(tg model.Tag) bool { return tg.ID == tagID && tg.Name == "Missing tag 01a23495" }) {
		t.Errorf("no placeholder tag among %+v", tags)
	}
	for _, id := range []string{ids["1"], ids["2"], ids["3"]} {
		if a, err := s.Annotation(ctx, id); err != nil || a.Exact == "" {
			t.Errorf("annotation %s after repair: %+v, %v", id, a, err)
		}
	}
}
