package store

import (
	"database/sql"
	"slices"
	"sync"

	"clipper/model"
)

// Reading is never hostage to one row. A project may hold a value Clipper
// would not write today (an older Clipper's, a hand edit): a timestamp in
// another format, a JSON list that does not parse, text where a number
// belongs. The readers below scan each row the fast way and, only when
// that fails, again value by value (see cells): the row is returned with
// the unusable value emptied — a zero time, an empty list, 0 — and the
// problem is noted on the Store (Problems). An annotation whose span
// cannot be read is left out instead, since nothing can show it. Diagnose
// lists every such value and Repair fixes what it can.

// maxNoted bounds the problems a Store keeps from reads.
const maxNoted = 1000

// problemLog collects the problems reads met, each once.
type problemLog struct {
	mu   sync.Mutex
	seen map[Problem]bool
	list []Problem
}

// note records problems met while reading.
func (s *Store) note(ps []Problem) {
	if len(ps) == 0 {
		return
	}
	l := &s.problems
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.seen == nil {
		l.seen = map[Problem]bool{}
	}
	for _, p := range ps {
		if !l.seen[p] && len(l.list) < maxNoted {
			l.seen[p] = true
			l.list = append(l.list, p)
		}
	}
}

// Problems returns the unusable values reads have met since the project
// was opened, each once, in the order met (at most 1000). Those rows were
// returned with the value emptied (a zero time, an empty list, 0), or, for
// an annotation whose span cannot be read, left out. Diagnose finds them
// all; Repair fixes what it can.
func (s *Store) Problems() []Problem {
	l := &s.problems
	l.mu.Lock()
	defer l.mu.Unlock()
	return slices.Clone(l.list)
}

// lazyCols is a query's column index, computed on first need.
type lazyCols struct{ m map[string]int }

func (l *lazyCols) get(rows *sql.Rows) (map[string]int, error) {
	if l.m != nil {
		return l.m, nil
	}
	var err error
	l.m, err = columnIndex(rows)
	return l.m, err
}

// cellsOf rescans the current row of rows value by value.
func (l *lazyCols) cellsOf(rows *sql.Rows, table string) (*cells, error) {
	cols, err := l.get(rows)
	if err != nil {
		return nil, err
	}
	return scanCells(rows, table, cols)
}

// readClipping reads the current row of rows (clipCols, plus original
// when orig), emptying unusable values.
func readClipping(rows *sql.Rows, cols *lazyCols, orig bool) (model.Clipping, []Problem, error) {
	c, err := scanClipping(rows, orig)
	if err == nil {
		return c, nil, nil
	}
	cl, err := cols.cellsOf(rows, "clippings")
	if err != nil {
		return c, nil, err
	}
	k := decodeClipping(cl, orig)
	emptyLists(&k)
	return k, cl.probs, nil
}

// emptyLists makes the empty lists and original of c nil, as scanClipping
// returns them.
func emptyLists(c *model.Clipping) {
	if len(c.Authors) == 0 {
		c.Authors = nil
	}
	if len(c.Details) == 0 {
		c.Details = nil
	}
	if len(c.Captions) == 0 {
		c.Captions = nil
	}
	if len(c.Original) == 0 {
		c.Original = nil
	}
}

// readAnnState reads the current row of rows (annCols) as stored; when a
// value has the wrong type it is read as its zero value and noted.
func readAnnState(rows *sql.Rows, cols *lazyCols) (annState, []Problem, error) {
	a, err := scanAnn(rows)
	if err == nil {
		return a, nil, nil
	}
	cl, err := cols.cellsOf(rows, "annotations")
	if err != nil {
		return a, nil, err
	}
	return decodeAnn(cl), cl.probs, nil
}

// annRead is one annotation row as a reader returns it: the stored state,
// the annotation, the problems met and whether it can be shown at all.
type annRead struct {
	st    annState
	m     model.Annotation
	probs []Problem
	ok    bool // false when the span cannot be read: leave the row out
}

// readAnnotation reads the current row of rows (annCols) as an
// annotation, emptying unusable values.
func readAnnotation(rows *sql.Rows, cols *lazyCols) (annRead, error) {
	st, err := scanAnn(rows)
	if err == nil {
		var m model.Annotation
		if m, err = st.model(); err == nil {
			return annRead{st: st, m: m, ok: true}, nil
		}
	}
	cl, err := cols.cellsOf(rows, "annotations")
	if err != nil {
		return annRead{}, err
	}
	r := annRead{st: decodeAnn(cl), ok: true}
	for _, p := range cl.probs {
		if p.Column == "start" || p.Column == "end" {
			p.Problem += "; the annotation is left out"
			return annRead{st: r.st, probs: []Problem{p}}, nil
		}
	}
	r.m, r.probs = r.st.modelLoose(), cl.probs
	return r, nil
}

// modelLoose is model for a state whose unusable timestamps were emptied
// (read as the zero time).
func (a annState) modelLoose() model.Annotation {
	m := model.Annotation{
		ID: a.ID, ClippingID: a.ClippingID, TagID: a.TagID, CoderID: a.CoderID, Start: a.Start, End: a.End,
		Exact: a.Exact, Prefix: a.Prefix, Suffix: a.Suffix, BodyHash: a.BodyHash, Origin: a.Origin,
		Attributes: model.Attributes{Speaker: a.Speaker, Claimant: a.Claimant, Status: model.Status(a.Status),
			Value: a.Value, Low: a.Low, High: a.High, Unit: a.Unit, Comparator: a.Comparator, Note: a.Note},
		CreatedAt: parseTimeOrZero(a.CreatedAt), UpdatedAt: parseTimeOrZero(a.UpdatedAt),
	}
	if a.DeletedAt != nil {
		t := parseTimeOrZero(*a.DeletedAt)
		m.DeletedAt = &t
	}
	return m
}

// readTagState reads the current row of rows (tagCols) as stored; a value
// of the wrong type is read as its zero value and noted.
func readTagState(rows *sql.Rows, cols *lazyCols) (tagState, []Problem, error) {
	t, err := scanTag(rows)
	if err == nil {
		return t, nil, nil
	}
	cl, err := cols.cellsOf(rows, "tags")
	if err != nil {
		return t, nil, err
	}
	return decodeTag(cl), cl.probs, nil
}

// modelLoose is model for a tag, reading an unusable timestamp as the zero
// time; it returns the problem with it.
func (t tagState) modelLoose() (model.Tag, []Problem) {
	m, err := t.model()
	if err == nil {
		return m, nil
	}
	var probs []Problem
	for _, f := range []struct{ col, v string }{{"created_at", t.CreatedAt}, {"updated_at", t.UpdatedAt}} {
		if err := checkTime(f.v); err != nil && f.v != "" {
			probs = append(probs, Problem{Table: "tags", ID: t.ID, Column: f.col, Problem: f.col + " " + err.Error()})
		}
	}
	m.CreatedAt, m.UpdatedAt = parseTimeOrZero(t.CreatedAt), parseTimeOrZero(t.UpdatedAt)
	return m, probs
}
