package store

import (
	"context"
	"errors"
	"testing"
	"time"
)

// TestDataVersionDoesNotWaitForAWrite: while a write holds the store,
// DataVersion answers at once with ErrWriteBusy (the window polls it and
// must not freeze behind a long merge); afterwards it answers normally.
func TestDataVersionDoesNotWaitForAWrite(t *testing.T) {
	f := newFixture(t)
	v0, err := f.s.DataVersion(f.ctx)
	if err != nil {
		t.Fatal(err)
	}
	holding, release, written := make(chan struct{}), make(chan struct{}), make(chan error, 1)
	go func() {
		written <- f.s.write(f.ctx, "long write", func(tx *wtx) error {
			close(holding)
			<-release
			return nil
		})
	}()
	<-holding
	answered := make(chan error, 1)
	go func() {
		_, err := f.s.DataVersion(f.ctx)
		answered <- err
	}()
	select {
	case err := <-answered:
		if !errors.Is(err, ErrWriteBusy) {
			t.Errorf("during a write DataVersion = %v, want ErrWriteBusy", err)
		}
	case <-time.After(time.Minute): // a deadlock guard, not a timing assertion
		t.Fatal("DataVersion waited for the write")
	}
	close(release)
	if err := <-written; err != nil {
		t.Fatal(err)
	}
	v1, err := f.s.DataVersion(f.ctx)
	if err != nil || v1 != v0 {
		t.Errorf("after the write DataVersion = %d, %v; want %d (own writes do not change it)", v1, err, v0)
	}
	f.s.Close()
	if _, err := f.s.DataVersion(context.Background()); err == nil {
		t.Error("DataVersion of a closed store gave no error")
	}
}
