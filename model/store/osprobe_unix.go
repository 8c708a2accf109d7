//go:build unix

package store

import (
	"os"

	"golang.org/x/sys/unix"
)

// sqlitePendingByte is where SQLite's lock bytes start in a database file:
// the pending byte, the reserved byte, then 510 shared bytes.
const sqlitePendingByte = 0x40000000

// heldByOther reports whether another process holds any SQLite lock on
// the database at path (a reader or a writer has it open in a
// transaction). Only called before this process opens the file: closing
// the probe would drop this process's own POSIX locks on it.
func heldByOther(path string) (bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return false, err
	}
	defer f.Close()
	lk := unix.Flock_t{Type: unix.F_WRLCK, Whence: 0, Start: sqlitePendingByte, Len: 512}
	if err := unix.FcntlFlock(f.Fd(), unix.F_GETLK, &lk); err != nil {
		return false, err
	}
	return lk.Type != unix.F_UNLCK, nil
}

// dirWritable reports whether this process may create files in dir.
func dirWritable(dir string) bool {
	return unix.Access(dir, unix.W_OK) == nil
}
