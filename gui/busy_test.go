package gui

import (
	"context"
	"database/sql"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	_ "github.com/mattn/go-sqlite3"

	"clipper/model/ingest"
)

// TestUIGivesUpWaitingForAnotherWriter: while another program holds the
// project's exclusive lock, opening a clipping on the UI goroutine waits
// only briefly (the window cannot repaint meanwhile), then says the
// project is busy; once the lock is gone the same action works.
func TestUIGivesUpWaitingForAnotherWriter(t *testing.T) {
	u, st := newTestUI(t)
	ctx := context.Background()
	c, _, err := ingest.Parse("second.txt", []byte("The Ledger\n\nSecond story\n\nA second clipping, so there is one to switch to.\n"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := st.AddClipping(ctx, c)
	if err != nil {
		t.Fatal(err)
	}
	other, err := sql.Open("sqlite3", st.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	conn, err := other.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "BEGIN EXCLUSIVE"); err != nil {
		t.Fatal(err)
	}
	var released atomic.Bool
	release := make(chan struct{})
	go func() {
		select {
		case <-release:
		case <-time.After(60 * time.Second):
		}
		released.Store(true)
		conn.ExecContext(ctx, "COMMIT")
	}()
	u.openClipping(res.ID) // what a tap on the library row does
	if released.Load() {
		t.Fatal("opening a clipping waited on the UI goroutine until the other writer released its lock")
	}
	if text := overlayText(t, u); !strings.Contains(strings.ToLower(text), "another clipper") {
		t.Errorf("the window does not say the project is busy:\n%s", text)
	}
	closeDialogs(u)
	close(release)
	for !released.Load() {
		time.Sleep(10 * time.Millisecond)
	}
	time.Sleep(50 * time.Millisecond) // the COMMIT above
	u.openClipping(res.ID)
	if u.clip.ID != res.ID {
		t.Errorf("after the lock was released the clipping did not open (open: %q)", u.clip.ID)
	}
}
