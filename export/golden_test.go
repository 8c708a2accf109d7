package export

import (
	"archive/zip"
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"clipper/model/store"
	"clipper/model/store/fixture"
)

// goldenNow is the export time of the golden files: the time an export
// records (document properties, REFI-QDA creation time, ZIP entries).
var goldenNow = time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)

// goldenFilters are the selections TestExportGolden exports. The
// clippings of the third are every 37th of the library.
var goldenFilters = []struct {
	name string
	f    func(ids []string) Filter
}{
	{"all", func([]string) Filter { return Filter{} }},
	{"quote+figure", func([]string) Filter { return Filter{TagNames: []string{"quote", "figure"}} }},
	{"ben", func([]string) Filter { return Filter{Coder: "Ben"} }},
	{"some-clippings", func(ids []string) Filter { return Filter{ClippingIDs: every(ids, 37)} }},
	{"some-claims-chloe", func(ids []string) Filter {
		return Filter{ClippingIDs: every(ids, 37), TagNames: []string{"claim"}, Coder: "Chloé"}
	}},
	{"unknown-tag", func([]string) Filter { return Filter{TagNames: []string{"nope"}} }},
}

func every(ids []string, n int) []string {
	var out []string
	for i := 0; i < len(ids); i += n {
		out = append(out, ids[i])
	}
	return out
}

// outputDigest is the SHA-256 of an export: of its bytes, or for a ZIP
// (xlsx, qdpx) of its entries' names and contents in name order —
// excelize writes a workbook's parts in map order, so the same workbook
// comes in different entry orders.
func outputDigest(t testing.TB, f Format, b []byte) string {
	t.Helper()
	h := sha256.New()
	if f != XLSX && f != QDPX {
		h.Write(b)
		return hex.EncodeToString(h.Sum(nil))
	}
	z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("%s: %v", f, err)
	}
	files := slices.Clone(z.File)
	slices.SortFunc(files, func(a, b *zip.File) int { return strings.Compare(a.Name, b.Name) })
	for _, e := range files {
		r, err := e.Open()
		if err != nil {
			t.Fatalf("%s %s: %v", f, e.Name, err)
		}
		data, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			t.Fatalf("%s %s: %v", f, e.Name, err)
		}
		fmt.Fprintf(h, "%s\x00%d\x00%s\x00", e.Name, len(data), e.Modified.UTC().Format(time.RFC3339))
		h.Write(data)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// goldenFile holds the digests of the exports of fixture.Small made by
// the writers that held the whole project in memory (before the writers
// streamed from the project), one line per selection and format:
// "name format sha256". CLIPPER_GOLDEN_WRITE=1 rewrites it from the
// current writers.
const goldenFile = "testdata/golden-small.txt"

// TestExportGolden exports a generated project (fixture.Small: 300
// clippings, 6,000 annotations by three coders, every tag kind, notes and
// non-ASCII text) in every format and several selections, the workbook
// with its Agreement sheet, at a fixed time, and compares the output
// with the golden digests.
func TestExportGolden(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "c300-a20-s0-Ana+Ben+Chloé.clip")
	if err := fixture.Build(ctx, path, fixture.Small); err != nil {
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
	ids := make([]string, len(sums))
	for i, s := range sums {
		ids[i] = s.ID
	}
	var got []string
	for _, g := range goldenFilters {
		d, err := Open(ctx, st, "Ana")
		if err != nil {
			t.Fatal(err)
		}
		d = d.Select(g.f(ids))
		d.now = goldenNow
		if err := d.AttachAgreement(ctx); err != nil {
			t.Fatal(err)
		}
		for _, f := range Formats() {
			var b bytes.Buffer
			if _, err := Write(ctx, &b, f, d, nil); err != nil {
				if f == QDC && g.name == "unknown-tag" {
					got = append(got, fmt.Sprintf("%s %s error", g.name, f))
					continue
				}
				t.Fatalf("%s %s: %v", g.name, f, err)
			}
			got = append(got, fmt.Sprintf("%s %s %s", g.name, f, outputDigest(t, f, b.Bytes())))
		}
	}
	if os.Getenv("CLIPPER_GOLDEN_WRITE") == "1" {
		if err := os.WriteFile(goldenFile, []byte(strings.Join(got, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want := readLines(t, goldenFile)
	if len(want) != len(got) {
		t.Fatalf("%d outputs, %d golden", len(got), len(want))
	}
	for i := range got {
		if got[i] != want[i] {
			t.Errorf("output differs from the golden one:\n got %s\nwant %s", got[i], want[i])
		}
	}
}

func readLines(t *testing.T, path string) []string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		out = append(out, sc.Text())
	}
	return out
}
