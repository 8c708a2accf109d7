package textview

import (
	"reflect"
	"testing"
)

func TestMarks(t *testing.T) {
	hs := []Highlight{
		{ID: "a", Start: 0, End: 20},
		{ID: "b", Start: 5, End: 10},
		{ID: "c", Start: 8, End: 30},
		{ID: "s", Start: 2, End: 4, Dashed: true},
		{ID: "empty", Start: 7, End: 7},
		{ID: "clamped", Start: 35, End: 99},
		{ID: "d", Start: 25, End: 28},
	}
	m := newMarks(hs, 40)
	var ids []string
	for _, h := range m.hs {
		ids = append(ids, h.ID)
	}
	if want := []string{"a", "s", "b", "c", "d", "clamped"}; !reflect.DeepEqual(ids, want) {
		t.Fatalf("sorted ids %v, want %v", ids, want)
	}
	if h := m.hs[5]; h.End != 40 {
		t.Errorf("clamped end %d, want 40", h.End)
	}
	layers := map[string]int{}
	for i, h := range m.hs {
		layers[h.ID] = m.layer[i]
	}
	// a, b, c all overlap at 8–10: three distinct layers; d reuses a free one;
	// suggestions get none.
	if layers["a"] == layers["b"] || layers["b"] == layers["c"] || layers["a"] == layers["c"] {
		t.Errorf("overlapping highlights share a layer: %v", layers)
	}
	if layers["s"] != -1 || layers["d"] > 1 {
		t.Errorf("layers %v", layers)
	}

	innermost := []struct {
		off  int
		want string
	}{{0, "a"}, {3, "s"}, {6, "b"}, {9, "b"}, {12, "a"}, {22, "c"}, {26, "d"}, {31, ""}, {37, "clamped"}}
	for _, tc := range innermost {
		got := ""
		if i := m.innermost(tc.off); i >= 0 {
			got = m.hs[i].ID
		}
		if got != tc.want {
			t.Errorf("innermost(%d) = %q, want %q", tc.off, got, tc.want)
		}
	}
	var at []string
	for _, i := range m.at(9) {
		at = append(at, m.hs[i].ID)
	}
	if want := []string{"b", "a", "c"}; !reflect.DeepEqual(at, want) {
		t.Errorf("at(9) = %v, want %v", at, want)
	}
	if m.byID("c") != 3 || m.byID("nope") != -1 || m.byID("") != -1 {
		t.Error("byID")
	}
}

func TestPieces(t *testing.T) {
	m := newMarks([]Highlight{
		{ID: "a", Start: 0, End: 10},
		{ID: "b", Start: 4, End: 6},
		{ID: "s", Start: 0, End: 20, Dashed: true},
		{ID: "c", Start: 15, End: 18},
	}, 30)
	type p struct {
		start, end int
		fill       string
		active     int
	}
	var got []p
	for _, pc := range m.pieces(2, 17) {
		got = append(got, p{pc.start, pc.end, m.hs[pc.fill].ID, len(pc.active)})
	}
	want := []p{{2, 4, "a", 0}, {4, 6, "b", 2}, {6, 10, "a", 0}, {15, 17, "c", 0}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("pieces = %v, want %v", got, want)
	}
	if ps := m.pieces(10, 15); len(ps) != 0 {
		t.Errorf("gap has pieces %v", ps)
	}
}
