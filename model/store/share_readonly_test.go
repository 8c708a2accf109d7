package store

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestShareFromReadOnlyProject: a project in a folder where nothing can be
// created (so no journal, so no change) opens read-only saying why, and
// share still writes the copy — without bookkeeping here, the project
// untouched — and the copy merges.
func TestShareFromReadOnlyProject(t *testing.T) {
	src := populated(t)
	before, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	o := defaultOptions()
	o.dirWritable = func(dir string) bool { return dir != filepath.Dir(src) }
	s, err := open(context.Background(), src, o)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if ro, why := s.ReadOnly(); !ro || !strings.Contains(why, "folder it is in is read-only") {
		t.Fatalf("ReadOnly = %v, %q", ro, why)
	}
	dst := filepath.Join(t.TempDir(), "for-ben.clip")
	if err := s.Share(context.Background(), dst, ShareOptions{}); err != nil {
		t.Fatalf("share from a read-only project: %v", err)
	}
	s.Close()
	if after, _ := os.ReadFile(src); !bytes.Equal(before, after) {
		t.Error("sharing changed the read-only project")
	}
	f := newFixture(t)
	if rep := merge(t, f, dst, MergeOptions{}); rep.Annotations.Added != 600 || len(rep.Refused) > 0 {
		t.Errorf("merge of the copy: %s", rep.Summary())
	}
}

// TestDirWritableProbe: the folder probe answers for real folders.
func TestDirWritableProbe(t *testing.T) {
	if !dirWritable(t.TempDir()) {
		t.Error("a new temporary folder is not writable")
	}
	if dirWritable(filepath.Join(t.TempDir(), "missing")) {
		t.Error("a missing folder is writable")
	}
}
