package store

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// The rule for files beside a project that is being opened (merging has
// its own, stricter one: see sidecar).
//
// Clipper writes its projects in rollback-journal mode, never WAL. A crash
// or power cut during a save leaves a "hot" -journal: the pages as they were
// before the unfinished change. Rolling it back is what makes the file whole
// again and loses nothing that was saved (every finished change is in the
// file itself), so it must happen — but a -journal is not tied to its file,
// and one that is not the project's own (copied beside it) would write
// foreign pages into it. So before SQLite rolls a hot journal back, Clipper
// keeps the file and the journal as found, side by side, says so, and checks
// every page of the result.
//
// A -wal is never Clipper's own: SQLite replays any -wal it finds beside a
// file, whatever mode the file is in, and the wal holds no proof that it
// belongs to that file. A non-empty -wal therefore stops the open with what
// to do; the file and the -wal are left untouched.

// journalMagic starts every rollback journal with a header.
var journalMagic = []byte{0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7}

// openSidecars applies the rule above to the project at abs before SQLite
// opens it. It returns ErrNotClosed for a -wal, and for a hot journal the
// notice to give the user (see Store.Recovered), having kept the file and
// its journal as found; "" when there is nothing to say.
func openSidecars(abs string, rw bool) (string, error) {
	if fi, err := os.Stat(abs + "-wal"); err == nil && fi.Size() > 0 {
		return "", fmt.Errorf("%w: %s lies beside it. Clipper never writes one: it comes from another program that has "+
			"the project open or stopped while it had it open, or it was copied or received with the file, and opening the "+
			"project would write its content into it unchecked. Close the other program, or open the project there once and "+
			"close it again; if the -wal came with the file from a colleague, ask for the file again after they close Clipper. "+
			"To open the project as it is, move %s elsewhere",
			ErrNotClosed, filepath.Base(abs+"-wal"), filepath.Base(abs+"-wal"))
	}
	j := abs + "-journal"
	head := make([]byte, len(journalMagic))
	f, err := os.Open(j)
	if errors.Is(err, fs.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("read %s: %w", filepath.Base(j), err)
	}
	n, _ := f.Read(head)
	f.Close()
	if n == 0 || head[0] == 0 {
		return "", nil // empty or zeroed: SQLite ignores it
	}
	if held, err := heldByOther(abs); err != nil || held {
		return "", nil // another program is writing: its journal, not a leftover (the wait handles it)
	}
	if !rw {
		return fmt.Sprintf("%s was not closed cleanly (a save was interrupted), and the file is read-only, so the unfinished change could not be undone in it",
			filepath.Base(abs)), nil
	}
	kept, err := keepAsFound(abs)
	if err != nil {
		return "", fmt.Errorf("%s was not closed cleanly, and keeping a copy before repairing it failed: %w", filepath.Base(abs), err)
	}
	what := "a save was interrupted (Clipper or the computer stopped)"
	if !bytes.Equal(head[:n], journalMagic[:n]) {
		what = "a journal file of unknown content lies beside it"
	}
	return fmt.Sprintf("%s was not closed cleanly: %s. The unfinished change was undone and every page checked; "+
		"every change saved before it is kept. The file as found is kept as %s (with its journal)",
		filepath.Base(abs), what, filepath.Base(kept)), nil
}

// keepAsFound copies the project at abs and its -journal to
// "<abs>.unclean-<time>.clip" and the same name + "-journal": opening that
// copy in Clipper recovers it the same way.
func keepAsFound(abs string) (string, error) {
	stamp := time.Now().Format("20060102-150405")
	for i := 1; ; i++ {
		dst := fmt.Sprintf("%s.unclean-%s.clip", abs, stamp)
		if i > 1 {
			dst = fmt.Sprintf("%s.unclean-%s-%d.clip", abs, stamp, i)
		}
		if _, err := os.Lstat(dst); err == nil {
			continue
		}
		if err := copyRegular(abs, dst); err != nil {
			return "", err
		}
		if err := copyRegular(abs+"-journal", dst+"-journal"); err != nil {
			os.Remove(dst)
			return "", err
		}
		return dst, nil
	}
}
