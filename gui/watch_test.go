package gui

import (
	"context"
	"database/sql"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	_ "github.com/mattn/go-sqlite3"
)

// TestStatusSaysWhileWaitingForAnotherWriter holds the project's lock from
// another connection, as a second Clipper writing would, while the window
// reads: the status bar says it waits, then returns to normal.
func TestStatusDuringAnotherWritersLock(t *testing.T) {
	u, st := newTestUI(t)
	other, err := sql.Open("sqlite3", st.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	ctx := context.Background()
	conn, err := other.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "BEGIN EXCLUSIVE"); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { // a read that has to wait for the lock
		_, err := st.Tags(ctx)
		done <- err
	}()
	status := func() string {
		var s string
		fyne.DoAndWait(func() { s = u.status.Text })
		return s
	}
	start := time.Now()
	deadline := start.Add(10 * time.Second)
	for !strings.Contains(status(), "Waiting for another Clipper") {
		if time.Now().After(deadline) {
			t.Fatalf("status %q never said it was waiting", status())
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Logf("said it was waiting after %v", time.Since(start))
	deadline = time.Now().Add(10 * time.Second)
	if _, err := conn.ExecContext(ctx, "COMMIT"); err != nil {
		t.Fatal(err)
	}
	if err := <-done; err != nil {
		t.Fatalf("the waiting read failed: %v", err)
	}
	for strings.Contains(status(), "Waiting for another Clipper") {
		if time.Now().After(deadline) {
			t.Fatalf("status %q still says waiting after the lock was released", status())
		}
		time.Sleep(50 * time.Millisecond)
	}
}
