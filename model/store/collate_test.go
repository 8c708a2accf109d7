package store

import (
	"errors"
	"strings"
	"testing"
)

// A column declared with a collation Clipper does not use — a custom one
// no Clipper can load, or a built-in one that changes how names compare —
// is refused, in a colleague's file on merge and in a newer Clipper's
// file on open.
var collatePoisons = []struct {
	name, old, new string
	stmts          []string
	msg            string
}{
	{"custom collation on note", noteDef, noteDef + ` COLLATE evil`, nil, `collation "evil"`},
	{"RTRIM on note", noteDef, noteDef + ` COLLATE RTRIM`, nil, `collation "rtrim"`},
	{"quoted custom collation", noteDef, noteDef + ` COLLATE "my coll"`, nil, `collation "my coll"`},
	{"index with RTRIM", noteDef, noteDef, []string{`CREATE INDEX odd ON annotations (note COLLATE RTRIM)`}, `collation "rtrim"`},
}

func TestMergeRefusesCollations(t *testing.T) {
	src := populated(t)
	for _, c := range collatePoisons {
		if c.stmts != nil {
			continue // an extra index is refused on merge anyway
		}
		t.Run(c.name, func(t *testing.T) {
			path := tamper(t, src, `PRAGMA writable_schema = ON`,
				`UPDATE sqlite_schema SET sql = replace(sql, '`+strings.ReplaceAll(c.old, "'", "''")+`', '`+strings.ReplaceAll(c.new, "'", "''")+`') WHERE name = 'annotations'`,
				`PRAGMA writable_schema = OFF`)
			f := newFixture(t)
			before := snapshot(t, f.s)
			_, err := f.s.Merge(f.ctx, path, MergeOptions{CoderID: f.coder.ID})
			if !errors.Is(err, ErrUnsafeSchema) || !strings.Contains(err.Error(), c.msg) {
				t.Fatalf("merge: %v, want ErrUnsafeSchema saying %q", err, c.msg)
			}
			if snapshot(t, f.s) != before {
				t.Error("the refused merge changed the project")
			}
		})
	}
}

func TestOpenNewerRefusesCollations(t *testing.T) {
	for _, c := range collatePoisons {
		t.Run(c.name, func(t *testing.T) {
			path := newerFile(t, c.old, c.new, c.stmts...)
			s, err := Open(path)
			if err == nil {
				s.Close()
				t.Fatal("a newer file with a collation Clipper does not use was opened")
			}
			wantErr(t, err, ErrUnsafeSchema)
			if !strings.Contains(err.Error(), c.msg) {
				t.Errorf("message %q should say %q", err, c.msg)
			}
		})
	}
}
