package export

import (
	"bytes"
	"context"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestParseFormat(t *testing.T) {
	tests := []struct {
		in      string
		want    Format
		wantErr bool
	}{
		{"xlsx", XLSX, false},
		{" XLSX ", XLSX, false},
		{".csv", CSV, false},
		{"csv-raw", CSVRaw, false},
		{"JSON", JSON, false},
		{"qdpx", QDPX, false},
		{"qdc", QDC, false},
		{"xls", "", true},
		{"", "", true},
		{"csv raw", "", true},
	}
	for _, tt := range tests {
		got, err := ParseFormat(tt.in)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("ParseFormat(%q) = %q, %v; want %q, error %v", tt.in, got, err, tt.want, tt.wantErr)
		}
		if err != nil && !strings.Contains(err.Error(), "xlsx, csv, csv-raw, json, qdpx, qdc") {
			t.Errorf("error %q does not list the formats", err)
		}
	}
	for _, f := range Formats() {
		if g, err := ParseFormat(string(f)); err != nil || g != f {
			t.Errorf("ParseFormat(%q) = %q, %v", f, g, err)
		}
	}
	if len(Formats()) != 6 {
		t.Errorf("Formats() = %v", Formats())
	}
	if _, err := Write(context.Background(), &bytes.Buffer{}, "pdf", sampleDataset(t), nil); err == nil {
		t.Error("Write accepted an unknown format")
	}
}

func TestSelect(t *testing.T) {
	d := sampleDataset(t)
	deleted := time.Now()
	d.Annotations[1].DeletedAt = &deleted // the quote
	ids := func(d *Dataset) (anns, clips, tags, coders []string) {
		for _, a := range d.Annotations {
			anns = append(anns, a.ID[len(a.ID)-1:])
		}
		for _, c := range d.Clippings {
			clips = append(clips, c.ID[len(c.ID)-1:])
		}
		for _, t := range d.Tags {
			tags = append(tags, t.Name)
		}
		for _, c := range d.Coders {
			coders = append(coders, c.Name)
		}
		return
	}
	tests := []struct {
		name                      string
		f                         Filter
		anns, clips, tags, coders []string
	}{
		{"no filter keeps all but tombstones", Filter{},
			[]string{"1", "3", "4", "5", "6"}, []string{"1", "2", "3"},
			[]string{"claim", "quote", "figure", "follow-up"}, []string{"Ana Lima", "Ben Okafor"}},
		{"by clipping, one without annotations kept when named", Filter{ClippingIDs: []string{testID(kindClip, 3), testID(kindClip, 2)}},
			[]string{"6"}, []string{"2", "3"},
			[]string{"claim", "quote", "figure", "follow-up"}, []string{"Ana Lima", "Ben Okafor"}},
		{"by tag keeps every clipping", Filter{TagNames: []string{"figure"}},
			[]string{"3", "4"}, []string{"1", "2", "3"}, []string{"figure"}, []string{"Ana Lima", "Ben Okafor"}},
		{"by coder", Filter{Coder: "Ben Okafor"},
			[]string{"4", "6"}, []string{"1", "2", "3"},
			[]string{"claim", "quote", "figure", "follow-up"}, []string{"Ben Okafor"}},
		{"all three", Filter{ClippingIDs: []string{testID(kindClip, 1)}, TagNames: []string{"claim", "figure"}, Coder: "Ana Lima"},
			[]string{"1", "3"}, []string{"1"}, []string{"claim", "figure"}, []string{"Ana Lima"}},
		{"unknown tag selects nothing", Filter{TagNames: []string{"nope"}},
			nil, []string{"1", "2", "3"}, nil, []string{"Ana Lima", "Ben Okafor"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := d.Select(tt.f)
			anns, clips, tags, coders := ids(s)
			if !slices.Equal(anns, tt.anns) || !slices.Equal(clips, tt.clips) || !slices.Equal(tags, tt.tags) || !slices.Equal(coders, tt.coders) {
				t.Errorf("got annotations %v clippings %v tags %v coders %v\nwant %v %v %v %v",
					anns, clips, tags, coders, tt.anns, tt.clips, tt.tags, tt.coders)
			}
			if s.ProjectName != d.ProjectName || s.SchemaVersion != d.SchemaVersion || s.Creator != d.Creator {
				t.Error("provenance not copied")
			}
			// The selection must be exportable as it is.
			if _, err := WriteCSV(context.Background(), &bytes.Buffer{}, s, true, nil); err != nil {
				t.Errorf("selection does not export: %v", err)
			}
		})
	}
	if len(d.Annotations) != 6 {
		t.Error("Select modified its input")
	}
}

func TestCheckFilter(t *testing.T) {
	d := sampleDataset(t)
	if err := d.CheckFilter(Filter{ClippingIDs: []string{testID(kindClip, 1)}, TagNames: []string{"quote"}, Coder: "Ana Lima"}); err != nil {
		t.Errorf("valid filter rejected: %v", err)
	}
	err := d.CheckFilter(Filter{ClippingIDs: []string{"x1"}, TagNames: []string{"Claim"}, Coder: "Zed"})
	if err == nil {
		t.Fatal("invalid filter accepted")
	}
	for _, want := range []string{`no clipping with id "x1"`, `no tag named "Claim"`, `no coder named "Zed"`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
}

func TestInvalidDataset(t *testing.T) {
	tests := []struct {
		name  string
		spoil func(d *Dataset)
		want  string
	}{
		{"unknown clipping", func(d *Dataset) { d.Annotations[0].ClippingID = "gone" }, `refers to clipping "gone"`},
		{"unknown tag", func(d *Dataset) { d.Annotations[2].TagID = "gone" }, `refers to tag "gone"`},
		{"duplicate clipping", func(d *Dataset) { d.Clippings[1].ID = d.Clippings[0].ID }, "appears twice"},
		{"nil", nil, "no dataset"},
	}
	for _, tt := range tests {
		for _, f := range Formats() {
			var d *Dataset
			if tt.spoil != nil {
				d = sampleDataset(t)
				tt.spoil(d)
			}
			_, err := Write(context.Background(), &bytes.Buffer{}, f, d, nil)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("%s, %s: error %v, want one containing %q", tt.name, f, err, tt.want)
			}
		}
	}
}

// TestSpanOutsideBody: an annotation whose offsets no longer fit its
// clipping is still exported where possible, and reported.
func TestSpanOutsideBody(t *testing.T) {
	d := sampleDataset(t)
	d.Annotations[5].Start, d.Annotations[5].End = 500, 510
	for _, f := range Formats() {
		rep, err := Write(context.Background(), &bytes.Buffer{}, f, d, nil)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if f == QDC {
			continue
		}
		found := slices.ContainsFunc(rep.Warnings, func(w string) bool {
			return strings.Contains(w, testID(kindAnn, 6)) && strings.Contains(w, "outside")
		})
		if !found {
			t.Errorf("%s: no warning about the stray span: %q", f, rep.Warnings)
		}
	}
}

func TestProgress(t *testing.T) {
	for _, f := range Formats() {
		var calls [][2]int
		_, err := Write(context.Background(), &bytes.Buffer{}, f, sampleDataset(t), func(done, total int) {
			calls = append(calls, [2]int{done, total})
		})
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if len(calls) == 0 || calls[len(calls)-1] != [2]int{6, 6} {
			t.Errorf("%s: progress calls %v, want to end with (6, 6)", f, calls)
		}
		for i := 1; i < len(calls); i++ {
			if calls[i][0] < calls[i-1][0] {
				t.Errorf("%s: progress went backwards: %v", f, calls)
			}
		}
	}
}

func TestReportCounts(t *testing.T) {
	want := map[Format][2]int{ // annotations, clippings
		XLSX: {6, 3}, CSV: {6, 2}, CSVRaw: {6, 2}, JSON: {6, 2}, QDPX: {6, 3}, QDC: {0, 0},
	}
	for _, f := range Formats() {
		rep, err := Write(context.Background(), &bytes.Buffer{}, f, sampleDataset(t), nil)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if got := [2]int{rep.Annotations, rep.Clippings}; got != want[f] {
			t.Errorf("%s: report counts %v annotations/clippings, want %v", f, got, want[f])
		}
		if rep.Truncated != 0 || len(rep.Warnings) != 0 {
			t.Errorf("%s: unexpected truncations or warnings: %+v", f, rep)
		}
	}
}
