package main

import (
	"bufio"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	_ "github.com/mattn/go-sqlite3" // the lock holder is a plain SQLite client, like any other program
)

// Child processes of the tests below are this test binary run again with
// one of these variables set.
const (
	holdLockEnv = "CLIPPER_TEST_HOLD_LOCK" // PATH:SECONDS — hold an exclusive lock
	mainArgsEnv = "CLIPPER_TEST_MAIN_ARGS" // JSON array — run main() with these arguments
)

// TestHelperHoldLock is a child process: another program that takes an
// EXCLUSIVE lock on a project (BEGIN EXCLUSIVE), prints "locked", keeps it
// for the given seconds and commits. Run normally it does nothing.
func TestHelperHoldLock(t *testing.T) {
	spec := os.Getenv(holdLockEnv)
	if spec == "" {
		return
	}
	i := strings.LastIndex(spec, ":")
	secs, err := strconv.Atoi(spec[i+1:])
	if err != nil {
		fmt.Println("error:", err)
		os.Exit(2)
	}
	db, err := sql.Open("sqlite3", spec[:i]+"?_journal_mode=DELETE")
	if err == nil {
		var conn *sql.Conn
		if conn, err = db.Conn(context.Background()); err == nil {
			if _, err = conn.ExecContext(context.Background(), "BEGIN EXCLUSIVE"); err == nil {
				fmt.Println("locked")
				time.Sleep(time.Duration(secs) * time.Second)
				_, err = conn.ExecContext(context.Background(), "COMMIT")
			}
		}
	}
	if err != nil {
		fmt.Println("error:", err)
		os.Exit(2)
	}
	os.Exit(0)
}

// TestHelperMain is a child process that runs the real main() — with its
// Ctrl+C handling — on the arguments in mainArgsEnv.
func TestHelperMain(t *testing.T) {
	spec := os.Getenv(mainArgsEnv)
	if spec == "" {
		return
	}
	var args []string
	if err := json.Unmarshal([]byte(spec), &args); err != nil {
		fmt.Fprintln(os.Stderr, "bad", mainArgsEnv, err)
		os.Exit(2)
	}
	os.Args = append([]string{"clipper"}, args...)
	main()
}

// child starts this test binary running only the helper test name with
// env set.
func child(t *testing.T, name, env string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^"+name+"$", "-test.count=1")
	cmd.Env = append(os.Environ(), env)
	return cmd
}

// holdLock starts another process that holds an exclusive lock on db for
// secs seconds and returns once the lock is held. The process is killed at
// the end of the test if it is still running.
func holdLock(t *testing.T, db string, secs int) *exec.Cmd {
	t.Helper()
	cmd := child(t, "TestHelperHoldLock", holdLockEnv+"="+db+":"+strconv.Itoa(secs))
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
	})
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		switch line := sc.Text(); {
		case line == "locked":
			go io.Copy(io.Discard, out)
			return cmd
		case strings.HasPrefix(line, "error:"):
			t.Fatalf("lock holder: %s", line)
		}
	}
	t.Fatal("the lock holder ended without taking the lock")
	return nil
}

// TestListWaitsForAnotherWriter is the done-when: `clipper list`
// run while another process holds an exclusive write lock for 8 s (longer
// than SQLite's old 5 s busy timeout) says that it waits and succeeds once
// the lock is released.
func TestListWaitsForAnotherWriter(t *testing.T) {
	db := t.TempDir() + "/p.clip"
	id, _ := importSample(t, db)
	holder := holdLock(t, db, 8)
	out, errs, code := clipper(t, db, "list")
	if code != 0 {
		t.Fatalf("list while another process writes: exit %d, stderr %q", code, errs)
	}
	if rows := jsonLines(t, out); len(rows) != 1 || rows[0]["id"] != id {
		t.Errorf("list printed %s", out)
	}
	if !strings.Contains(errs, "waiting for another Clipper to finish writing "+db) {
		t.Errorf("stderr %q does not say that list waited", errs)
	}
	if err := holder.Wait(); err != nil {
		t.Errorf("lock holder: %v", err)
	}
}

// TestInterruptStopsTheWait: Ctrl+C (SIGINT) stops a command that waits
// for another writer promptly, with exit code 130 and a clear message.
func TestInterruptStopsTheWait(t *testing.T) {
	db := t.TempDir() + "/p.clip"
	importSample(t, db)
	holdLock(t, db, 600)
	args, _ := json.Marshal([]string{"--db", db, "--coder", "Test Coder", "annotations"})
	cmd := child(t, "TestHelperMain", mainArgsEnv+"="+string(args))
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	var lines []string
	sc := bufio.NewScanner(stderr)
	for sc.Scan() {
		lines = append(lines, sc.Text())
		if strings.Contains(sc.Text(), "waiting for another Clipper") {
			break
		}
	}
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		for sc.Scan() {
			lines = append(lines, sc.Text())
		}
		done <- cmd.Wait()
	}()
	select {
	case err = <-done:
	case <-time.After(30 * time.Second):
		t.Fatalf("still running 30 s after Ctrl+C; stderr so far: %q", lines)
	}
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.Sys().(syscall.WaitStatus).ExitStatus() != exitInterrupted {
		t.Fatalf("after Ctrl+C: %v, want exit code %d; stderr %q", err, exitInterrupted, lines)
	}
	if all := strings.Join(lines, "\n"); !strings.Contains(all, "clipper annotations: interrupted while waiting for another Clipper") {
		t.Errorf("stderr %q does not say the wait was interrupted", all)
	}
}
