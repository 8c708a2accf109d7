package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"clipper/model"
)

// Environment of the merging child process of TestKillMerge.
const (
	mergeIntoEnv = "CLIPPER_TEST_MERGE_INTO"
	mergeFromEnv = "CLIPPER_TEST_MERGE_FROM"
)

// TestHelperMerge is the child process of TestKillMerge: it merges one file
// into a project and exits. Without the environment it does nothing.
func TestHelperMerge(t *testing.T) {
	into, from := os.Getenv(mergeIntoEnv), os.Getenv(mergeFromEnv)
	if into == "" {
		return
	}
	s, err := Open(into)
	if err != nil {
		fmt.Println("error:", err)
		os.Exit(2)
	}
	rep, err := s.Merge(context.Background(), from, MergeOptions{})
	if err != nil {
		fmt.Println("error:", err)
		os.Exit(2)
	}
	fmt.Println("merged:", rep.Summary())
	os.Exit(0)
}

// annotateAll adds n annotations by coder name to the project at path,
// spread over its clippings, in one transaction.
func annotateAll(t testing.TB, path, name string, n, offset int) {
	t.Helper()
	f := openAs(t, path, name, nil)
	cs, err := f.s.Clippings(f.ctx)
	if err != nil {
		t.Fatal(err)
	}
	tags := []string{"claim", "quote", "figure"}
	as := make([]*model.Annotation, 0, n)
	for i := range n {
		c := cs[i%len(cs)]
		start := offset + (i/len(cs))*7%600
		note := ""
		if i%5 == 0 {
			note = fmt.Sprintf("%s's note %d", name, i)
		}
		as = append(as, &model.Annotation{ClippingID: c.ID, TagID: f.tags[tags[i%3]].ID, CoderID: f.coder.ID,
			Start: start, End: start + 5 + i%20, Attributes: model.Attributes{Note: note}})
	}
	if err := f.s.AddAnnotations(f.ctx, as); err != nil {
		t.Fatal(err)
	}
	if err := f.s.Close(); err != nil {
		t.Fatal(err)
	}
}

// mergePair builds a project of clippings shared to a colleague, each side
// then annotating them separately (n annotations each, on different
// spans), and returns the two paths.
func mergePair(t testing.TB, clippings, n int) (project, colleague string) {
	t.Helper()
	s, err := Create(filepath.Join(t.TempDir(), "project.clip"))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if _, err := s.AddClippings(ctx, newTextGen(7).clippings(clippings)); err != nil {
		t.Fatal(err)
	}
	project = s.Path()
	colleague = filepath.Join(t.TempDir(), "colleague.clip")
	if err := s.Share(ctx, colleague, ShareOptions{}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	annotateAll(t, project, "Ana", n, 0)
	annotateAll(t, colleague, "Ben", n, 3)
	return project, colleague
}

// TestKillMerge SIGKILLs a process in the middle of a big merge and checks
// that the project is exactly as before: it opens, passes quick_check and
// holds the same data.
func TestKillMerge(t *testing.T) {
	project, colleague := mergePair(t, 100, 12000)
	s, err := Open(project)
	if err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, s)
	s.Close()
	orig, err := os.ReadFile(project)
	if err != nil {
		t.Fatal(err)
	}

	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperMerge$", "-test.count=1")
	cmd.Env = append(os.Environ(), mergeIntoEnv+"="+project, mergeFromEnv+"="+colleague, "TMPDIR="+t.TempDir())
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	// Kill once the merge transaction has spilled pages into the project
	// file itself (it grows): the file is then half-written and only the
	// journal can restore it.
	deadline := time.After(2 * time.Minute)
	var grown int64
wait:
	for {
		select {
		case err := <-done:
			t.Fatalf("the merge ended (%v) before it could be killed; make it bigger", err)
		case <-deadline:
			cmd.Process.Kill()
			t.Fatal("the merge never wrote to the project file")
		default:
		}
		if fi, err := os.Stat(project); err == nil && fi.Size() > int64(len(orig)) {
			grown = fi.Size() - int64(len(orig))
			if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
				t.Fatal(err)
			}
			break wait
		}
		time.Sleep(100 * time.Microsecond)
	}
	err = <-done
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
		t.Fatalf("merge process ended with %v, want killed", err)
	}
	t.Logf("killed after the project file grew by %d KiB", grown>>10)
	if _, err := os.Stat(project + "-journal"); err != nil {
		t.Fatalf("the kill left no hot journal (%v): the test did not interrupt a transaction", err)
	}
	if half, _ := os.ReadFile(project); bytes.Equal(half, orig) {
		t.Fatal("the project file is unchanged: the test did not interrupt a write")
	}

	s, err = Open(project)
	if err != nil {
		t.Fatalf("open after the kill: %v", err)
	}
	defer s.Close()
	if err := s.Check(context.Background()); err != nil {
		t.Fatal(err)
	}
	if after := snapshot(t, s); after != before {
		t.Error("the interrupted merge changed the project")
	}
	checkFTS(t, s)
	// And the merge, run again, completes.
	rep, err := s.Merge(context.Background(), colleague, MergeOptions{})
	if err != nil || rep.Annotations.Added != 12000 {
		t.Errorf("merge after the kill: %v %s", err, rep.Summary())
	}
}
