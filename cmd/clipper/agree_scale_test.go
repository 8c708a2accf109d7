package main

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"clipper/model/agree"
	"clipper/model/store"
	"clipper/model/store/fixture"
)

// TestAgreementStreamsAsCompare: `clipper agree`, which reads the project
// clipping by clipping, reports exactly what agree.Compare reports over
// all the annotations at once, for several selections of a generated
// project with three coders.
func TestAgreementStreamsAsCompare(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "p.clip")
	if err := fixture.Build(ctx, path, fixture.Spec{Clippings: 40, PerClipping: 12}); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	sums, err := st.ClippingSummaries(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for i, sel := range []struct{ clippings, tags, coders []string }{
		{nil, nil, nil},
		{nil, []string{"quote", "claim"}, []string{"Ana", "Ben"}},
		{[]string{sums[3].ID, sums[7].ID, sums[0].ID}, nil, []string{"Chloé", "Ana"}},
		{[]string{sums[5].ID}, []string{"figure"}, nil},
	} {
		got, err := agreement(ctx, st, sel.clippings, sel.tags, sel.coders, func(string) {})
		want, werr := agreementAtOnce(ctx, st, sel.clippings, sel.tags, sel.coders)
		gj, _ := json.Marshal(got)
		wj, _ := json.Marshal(want)
		if fmt.Sprint(err) != fmt.Sprint(werr) || string(gj) != string(wj) {
			t.Errorf("selection %d: %v / %v\n got %.600s\nwant %.600s", i, err, werr, gj, wj)
		}
	}
}

// agreementAtOnce is what `clipper agree` computed before it streamed:
// every selected annotation in memory, then agree.Compare.
func agreementAtOnce(ctx context.Context, st *store.Store, clippingIDs, tagNames, coderNames []string) (agree.Report, error) {
	tagIDs, tagName, err := resolveTags(ctx, st, tagNames)
	if err != nil {
		return agree.Report{}, err
	}
	coderIDs, coderName, err := resolveCoders(ctx, st, coderNames)
	if err != nil {
		return agree.Report{}, err
	}
	as, err := st.Annotations(ctx, store.AnnotationFilter{ClippingIDs: clippingIDs, TagIDs: tagIDs, CoderIDs: coderIDs})
	if err != nil {
		return agree.Report{}, err
	}
	if len(clippingIDs) == 0 {
		seen := map[string]map[string]bool{}
		for _, a := range as {
			if seen[a.ClippingID] == nil {
				seen[a.ClippingID] = map[string]bool{}
			}
			seen[a.ClippingID][a.CoderID] = true
		}
		for id, cs := range seen {
			if len(cs) >= 2 {
				clippingIDs = append(clippingIDs, id)
			}
		}
	}
	cs, err := st.Clippings(ctx, clippingIDs...)
	if err != nil {
		return agree.Report{}, err
	}
	docs := make([]agree.Doc, 0, len(cs))
	length := make(map[string]int, len(cs))
	for _, c := range cs {
		length[c.ID] = utf8.RuneCountInString(c.Body)
		docs = append(docs, agree.Doc{ID: c.ID, Length: length[c.ID]})
	}
	var spans []agree.Span
	for _, a := range as {
		if n, ok := length[a.ClippingID]; ok && (a.Start < 0 || a.End <= a.Start || a.End > n) {
			continue
		}
		spans = append(spans, agree.Span{Clipping: a.ClippingID, Coder: coderName[a.CoderID], Tag: tagName[a.TagID], Start: a.Start, End: a.End})
	}
	var coderSel, tagSel []string
	for _, id := range coderIDs {
		coderSel = append(coderSel, coderName[id])
	}
	for _, id := range tagIDs {
		tagSel = append(tagSel, tagName[id])
	}
	return agree.Compare(docs, spans, coderSel, tagSel)
}
