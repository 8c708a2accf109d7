package store

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"clipper/model"
)

// TestTwoInstancesWriteConcurrently: two Stores (two app instances) on one
// file, each writing from two goroutines, must see no "database is
// locked" errors and lose nothing.
func TestTwoInstancesWriteConcurrently(t *testing.T) {
	f := newFixture(t)
	other, err := Open(f.s.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	const perWriter = 75 // 2 stores × 2 goroutines × 75 = 300 commits
	var wg sync.WaitGroup
	errs := make(chan error, 4*perWriter)
	for _, s := range []*Store{f.s, other} {
		for range 2 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range perWriter {
					a := f.ann("claim", i%50, i%50+2)
					if err := s.AddAnnotation(context.Background(), a); err != nil {
						errs <- err
					}
				}
			}()
		}
	}
	wg.Wait()
	close(errs)
	n := 0
	for err := range errs {
		n++
		if n <= 3 {
			t.Error(err)
		}
	}
	if n > 0 {
		t.Fatalf("%d of %d writes failed", n, 4*perWriter)
	}
	if got := len(f.liveIDs(t)); got != 4*perWriter {
		t.Errorf("%d annotations stored, want %d", got, 4*perWriter)
	}
}

func TestDataVersion(t *testing.T) {
	f := newFixture(t)
	ctx := f.ctx
	other, err := Open(f.s.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	v0, err := f.s.DataVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}
	f.mustAdd(t, "claim", 0, 2) // own write
	if v, _ := f.s.DataVersion(ctx); v != v0 {
		t.Errorf("own write changed DataVersion %d → %d", v0, v)
	}
	if err := other.SetSetting(ctx, "k", "v"); err != nil {
		t.Fatal(err)
	}
	v1, err := f.s.DataVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if v1 == v0 {
		t.Errorf("DataVersion stayed %d after another instance's commit", v0)
	}
	if v2, _ := f.s.DataVersion(ctx); v2 != v1 {
		t.Errorf("DataVersion changed %d → %d without a commit", v1, v2)
	}
}

// writerEnv names the project file TestHelperWriter writes to; it is set
// only when TestKillWriter runs the test binary as a child process.
const writerEnv = "CLIPPER_STORE_KILL_TEST_FILE"

// TestHelperWriter is the child of TestKillWriter: it adds annotations one
// by one and prints each id after AddAnnotation returned. Run normally it
// has nothing to do.
func TestHelperWriter(t *testing.T) {
	path := os.Getenv(writerEnv)
	if path == "" {
		return
	}
	s, err := Open(path)
	if err != nil {
		fmt.Println("error:", err)
		os.Exit(2)
	}
	ctx := context.Background()
	coder, err := s.EnsureCoder(ctx, "Ana")
	if err != nil {
		fmt.Println("error:", err)
		os.Exit(2)
	}
	clips, err := s.Clippings(ctx)
	if err != nil || len(clips) == 0 {
		fmt.Println("error: no clipping", err)
		os.Exit(2)
	}
	tag, err := s.TagByName(ctx, "claim")
	if err != nil {
		fmt.Println("error:", err)
		os.Exit(2)
	}
	for i := 0; ; i++ {
		a := &model.Annotation{ClippingID: clips[0].ID, TagID: tag.ID, CoderID: coder.ID, Start: i % 40, End: i%40 + 3,
			Attributes: model.Attributes{Note: fmt.Sprintf("note %d", i)}}
		if err := s.AddAnnotation(ctx, a); err != nil {
			fmt.Println("error:", err)
			os.Exit(2)
		}
		fmt.Println(a.ID)
	}
}

// TestKillWriter SIGKILLs a writer process mid-burst and checks that the
// file opens cleanly and holds every annotation the writer acknowledged.
func TestKillWriter(t *testing.T) {
	f := newFixture(t)
	path := f.s.Path()
	f.s.Close()

	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperWriter$", "-test.count=1")
	cmd.Env = append(os.Environ(), writerEnv+"="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var acked []string
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "error:") {
			cmd.Process.Kill()
			cmd.Wait()
			t.Fatalf("writer: %s", line)
		}
		if len(line) != 36 {
			continue // test framework output
		}
		acked = append(acked, line)
		if len(acked) == 50 {
			if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
				t.Fatal(err)
			}
			break
		}
	}
	err = cmd.Wait()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
		t.Fatalf("writer ended with %v, want killed after 50 acks (got %d)", err, len(acked))
	}

	s, err := Open(path)
	if err != nil {
		t.Fatalf("open after kill: %v", err)
	}
	defer s.Close()
	if err := quickCheck(f.ctx, s.db); err != nil {
		t.Fatal(err)
	}
	for _, id := range acked {
		if _, err := s.Annotation(f.ctx, id); err != nil {
			t.Errorf("acknowledged annotation lost: %v", err)
		}
	}
	checkFTS(t, s)
	// The undo log is consistent with what survived.
	if ops, err := opsOf(s.Undo(f.ctx, f.coder.ID)); err != nil || len(ops) != 1 {
		t.Errorf("undo after kill: %v", err)
	}
}

// TestWriteGivesUpWaitingForALongWrite: a write waiting behind a long
// write of the same store (an undo of a bulk step) stops waiting when its
// context ends, with ErrWriteBusy and nothing changed, instead of waiting
// for the whole long write.
func TestWriteGivesUpWaitingForALongWrite(t *testing.T) {
	f := newFixture(t)
	inside, release := make(chan struct{}), make(chan struct{})
	long := make(chan error, 1)
	go func() {
		long <- f.s.write(f.ctx, "long", func(*wtx) error {
			close(inside)
			<-release
			return nil
		})
	}()
	<-inside
	ctx, cancel := context.WithTimeout(f.ctx, 100*time.Millisecond)
	defer cancel()
	err := f.s.AddAnnotation(ctx, f.ann("claim", 0, 2))
	if !errors.Is(err, ErrWriteBusy) || !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("a write behind a long one: %v, want ErrWriteBusy", err)
	}
	close(release)
	if err := <-long; err != nil {
		t.Fatal(err)
	}
	if n := len(f.liveIDs(t)); n != 0 {
		t.Errorf("%d annotations saved by the refused write", n)
	}
	if err := f.s.AddAnnotation(f.ctx, f.ann("claim", 0, 2)); err != nil {
		t.Errorf("a write after the long one: %v", err)
	}
}
