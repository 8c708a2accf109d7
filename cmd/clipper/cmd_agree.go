package main

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"unicode/utf8"

	"clipper/model/agree"
	"clipper/model/store"
)

func cmdAgree(e *env, args []string) error {
	fs := flagSetNoCoder(e, "agree")
	var clippings, tags, coders multiFlag
	fs.Var(&clippings, "clipping", "compare on this clipping (repeatable; default: every clipping that two or more of the coders annotated)")
	fs.Var(&tags, "tag", "compare this tag (repeatable; default: every tag used)")
	fs.Var(&coders, "coders", "coders to compare, comma-separated (default: every coder)")
	if err := fs.Parse(args); err != nil || fs.NArg() != 0 {
		return errUsage
	}
	return e.withStore(func(ctx context.Context, st *store.Store) error {
		rep, err := agreement(ctx, st, clippings, tags, coders, func(msg string) {
			fmt.Fprintf(e.stderr, "clipper agree: warning: %s\n", msg)
		})
		if err != nil {
			return err
		}
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rep); err != nil {
			return fmt.Errorf("writing output: %w", err)
		}
		return nil
	})
}

// agreement compares coders (by name) on tags (by name) over clippings
// (ids). With no clippings given it uses those annotated by at least two of
// the compared coders: a clipping only one coder has seen says nothing
// about agreement. An annotation whose span lies outside its clipping's
// text is left out with a warning. The annotations are read clipping by
// clipping (agree.Accumulator), so that a project of any size is compared
// in memory that does not grow with it.
func agreement(ctx context.Context, st *store.Store, clippingIDs, tagNames, coderNames []string, warn func(string)) (agree.Report, error) {
	tagIDs, tagName, err := resolveTags(ctx, st, tagNames)
	if err != nil {
		return agree.Report{}, err
	}
	coderIDs, coderName, err := resolveCoders(ctx, st, coderNames)
	if err != nil {
		return agree.Report{}, err
	}
	r := st.Reader()
	filter := store.AnnotationFilter{ClippingIDs: clippingIDs, TagIDs: tagIDs, CoderIDs: coderIDs}
	if len(clippingIDs) > 0 {
		found, err := st.ClippingsExist(ctx, clippingIDs)
		if err != nil {
			return agree.Report{}, err
		}
		for _, id := range clippingIDs {
			if !found[id] {
				return agree.Report{}, fmt.Errorf("list clippings: clipping %q: %w", id, store.ErrNotFound)
			}
		}
	} else {
		if clippingIDs, err = r.MultiCoderClippings(ctx, filter); err != nil {
			return agree.Report{}, err
		}
		if len(clippingIDs) == 0 {
			return agree.Report{}, fmt.Errorf("no clipping has annotations from two or more coders: name clippings with --clipping")
		}
	}
	// Annotations of the compared coders and tags on other clippings (when
	// none were named) are counted as skipped.
	all, err := r.CountAnnotations(ctx, filter)
	if err != nil {
		return agree.Report{}, err
	}
	selected := filter
	selected.ClippingIDs = clippingIDs
	on, err := r.CountAnnotations(ctx, selected)
	if err != nil {
		return agree.Report{}, err
	}
	var coderSel, tagSel []string
	for _, id := range coderIDs {
		coderSel = append(coderSel, coderName[id])
	}
	for _, id := range tagIDs {
		tagSel = append(tagSel, tagName[id])
	}
	if coderSel == nil || tagSel == nil {
		// Those with an annotation inside its text on a compared clipping.
		coders, tags, err := r.AgreementSets(ctx, selected, true)
		if err != nil {
			return agree.Report{}, err
		}
		if coderSel == nil {
			coderSel = sortedNames(coders, coderName)
		}
		if tagSel == nil {
			tagSel = sortedNames(tags, tagName)
		}
	}
	acc, err := agree.NewAccumulator(coderSel, tagSel, true)
	if err != nil {
		return agree.Report{}, err
	}
	var spans []agree.Span
	for it, err := range r.Walk(ctx, store.Walk{AnnotationFilter: selected, Body: true, Headings: true, Annotations: true, Brief: true}) {
		if err != nil {
			return agree.Report{}, err
		}
		c := &it.Clipping
		n := utf8.RuneCountInString(c.Body)
		spans = spans[:0]
		for _, a := range it.Annotations {
			if a.Start < 0 || a.End <= a.Start || a.End > n {
				warn(fmt.Sprintf("annotation %s: span %d–%d lies outside clipping %s (%d characters); left out", a.ID, a.Start, a.End, a.ClippingID, n))
				continue
			}
			spans = append(spans, agree.Span{Clipping: c.ID, Coder: coderName[a.CoderID], Tag: tagName[a.TagID], Start: a.Start, End: a.End})
		}
		if err := acc.Add(agree.Doc{ID: c.ID, Length: n}, spans); err != nil {
			return agree.Report{}, err
		}
	}
	rep, err := acc.Report()
	if err != nil {
		return agree.Report{}, err
	}
	rep.Skipped += all - on
	return rep, nil
}

// sortedNames names a set of ids and sorts the distinct names.
func sortedNames(ids map[string]bool, name map[string]string) []string {
	var out []string
	for id := range ids {
		out = append(out, name[id])
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// resolveTags maps tag names to ids (nil names: no filter) and returns every tag's name by id.
func resolveTags(ctx context.Context, st *store.Store, names []string) ([]string, map[string]string, error) {
	all, err := st.Tags(ctx)
	if err != nil {
		return nil, nil, err
	}
	byID := map[string]string{}
	for _, t := range all {
		byID[t.ID] = t.Name
	}
	var ids []string
	for _, n := range names {
		t, err := st.TagByName(ctx, n)
		if err != nil {
			return nil, nil, fmt.Errorf("tag %q: %w", n, err)
		}
		ids = append(ids, t.ID)
	}
	return ids, byID, nil
}

// resolveCoders maps coder names to ids (nil names: no filter) and returns every coder's name by id.
func resolveCoders(ctx context.Context, st *store.Store, names []string) ([]string, map[string]string, error) {
	all, err := st.Coders(ctx)
	if err != nil {
		return nil, nil, err
	}
	byID := map[string]string{}
	byName := map[string]string{}
	for _, c := range all {
		byID[c.ID] = c.Name
		byName[c.Name] = c.ID
	}
	var ids []string
	for _, n := range names {
		id, ok := byName[n]
		if !ok {
			return nil, nil, fmt.Errorf("no coder named %q in this project", n)
		}
		ids = append(ids, id)
	}
	return ids, byID, nil
}
