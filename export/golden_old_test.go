package export

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"clipper/export/internal/oldexport"
	"clipper/model/store"
	"clipper/model/store/fixture"
)

func TestGoldenAgainstOld(t *testing.T) {
	ctx := context.Background()
	oldexport.Now = func() time.Time { return goldenNow }
	p, err := fixture.Path(ctx, fixture.Mid)
	if err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ids, err := st.ClippingSummaries(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var some []string
	for i := 0; i < len(ids); i += 37 {
		some = append(some, ids[i].ID)
	}
	filters := []Filter{{}, {TagNames: []string{"quote", "figure"}}, {Coder: "Ben"}, {ClippingIDs: some},
		{ClippingIDs: some, TagNames: []string{"claim"}, Coder: "Chloé"}, {TagNames: []string{"nope"}}}
	for fi, f := range filters {
		od, err := oldexport.Load(ctx, st, "Ana")
		if err != nil {
			t.Fatal(err)
		}
		od = od.Select(oldexport.Filter(f))
		if err := od.AttachAgreement(); err != nil {
			t.Fatal(err)
		}
		nd, err := Open(ctx, st, "Ana")
		if err != nil {
			t.Fatal(err)
		}
		nd = nd.Select(f)
		nd.now = goldenNow
		if err := nd.AttachAgreement(ctx); err != nil {
			t.Fatal(err)
		}
		compareOld(t, fmt.Sprintf("filter %d", fi), od, nd)
	}
	// In memory too.
	for _, d := range []*Dataset{sampleDataset(t), bigDataset(60, 20)} {
		od := &oldexport.Dataset{ProjectName: d.ProjectName, SchemaVersion: d.SchemaVersion, Creator: d.Creator,
			Clippings: d.Clippings, Tags: d.Tags, Coders: d.Coders, Annotations: d.Annotations}
		if err := od.AttachAgreement(); err != nil {
			t.Fatal(err)
		}
		d.now = goldenNow
		if err := d.AttachAgreement(ctx); err != nil {
			t.Fatal(err)
		}
		compareOld(t, "memory "+d.ProjectName, od, d)
	}
}

func compareOld(t *testing.T, name string, od *oldexport.Dataset, nd *Dataset) {
	ctx := context.Background()
	for _, f := range Formats() {
		var ob, nb bytes.Buffer
		orep, oerr := oldexport.Write(ctx, &ob, oldexport.Format(f), od, nil)
		nrep, nerr := Write(ctx, &nb, f, nd, nil)
		if fmt.Sprint(oerr) != fmt.Sprint(nerr) {
			t.Errorf("%s %s: errors %v / %v", name, f, oerr, nerr)
			continue
		}
		if fmt.Sprintf("%+v", orep) != fmt.Sprintf("%+v", Report(nrep)) {
			t.Errorf("%s %s: reports\n%+v\n%+v", name, f, orep, nrep)
		}
		if outputDigest(t, f, ob.Bytes()) != outputDigest(t, f, nb.Bytes()) {
			t.Errorf("%s %s: %d bytes, old %d; %s", name, f, nb.Len(), ob.Len(), zipDiff(ob.Bytes(), nb.Bytes()))
		}
	}
}

func zipDiff(a, b []byte) string {
	za, err := zip.NewReader(bytes.NewReader(a), int64(len(a)))
	if err != nil {
		return "not zip"
	}
	zb, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return "new not zip"
	}
	byName := map[string]*zip.File{}
	for _, g := range zb.File {
		byName[g.Name] = g
	}
	if len(za.File) != len(zb.File) {
		return "entry count differs"
	}
	for _, f := range za.File {
		g := byName[f.Name]
		if g == nil {
			return "no entry " + f.Name
		}
		ra, _ := f.Open()
		rb, _ := g.Open()
		x, _ := io.ReadAll(ra)
		y, _ := io.ReadAll(rb)
		if f.Name != g.Name || !bytes.Equal(x, y) {
			n := 0
			for n < len(x) && n < len(y) && x[n] == y[n] {
				n++
			}
			return fmt.Sprintf("entry %s/%s differs at %d: old %q new %q", f.Name, g.Name, n, snip(x, n), snip(y, n))
		}
	}
	return "same entries, other order"
}

func snip(b []byte, n int) string {
	lo, hi := max(0, n-80), min(len(b), n+80)
	return string(b[lo:hi])
}

func TestWriteGoldenFromOld(t *testing.T) {
	if os.Getenv("CLIPPER_GOLDEN_OLD") != "1" {
		t.Skip("writes the golden file from the old writers")
	}
	ctx := context.Background()
	oldexport.Now = func() time.Time { return goldenNow }
	path := filepath.Join(t.TempDir(), "c300-a20-s0-Ana+Ben+Chloé.clip")
	if err := fixture.Build(ctx, path, fixture.Small); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	sums, _ := st.ClippingSummaries(ctx)
	ids := make([]string, len(sums))
	for i, s := range sums {
		ids[i] = s.ID
	}
	var got []string
	for _, g := range goldenFilters {
		d, err := oldexport.Load(ctx, st, "Ana")
		if err != nil {
			t.Fatal(err)
		}
		d = d.Select(oldexport.Filter(g.f(ids)))
		if err := d.AttachAgreement(); err != nil {
			t.Fatal(err)
		}
		for _, f := range Formats() {
			var b bytes.Buffer
			if _, err := oldexport.Write(ctx, &b, oldexport.Format(f), d, nil); err != nil {
				if f == QDC && g.name == "unknown-tag" {
					got = append(got, fmt.Sprintf("%s %s error", g.name, f))
					continue
				}
				t.Fatalf("%s %s: %v", g.name, f, err)
			}
			got = append(got, fmt.Sprintf("%s %s %s", g.name, f, outputDigest(t, f, b.Bytes())))
		}
	}
	if err := os.WriteFile(goldenFile, []byte(strings.Join(got, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
}
