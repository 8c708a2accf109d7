package store

import (
	"encoding/binary"
	"fmt"
	"io"
	"os"
)

// appID is PRAGMA application_id of every Clipper project: "CLIP".
const appID = 0x434C4950

// sqliteMagic starts every SQLite 3 database file.
const sqliteMagic = "SQLite format 3\x00"

// header is what the store reads from a file's first 100 bytes before
// SQLite touches it.
type header struct {
	pageSize    int
	pages       uint32 // in-header database size; valid when sizeValid
	sizeValid   bool
	userVersion int
	appID       uint32
}

// readHeader reads and checks the 100-byte SQLite header of the project at
// path, of size bytes. A file that is not SQLite or not Clipper's gives
// ErrNotProject; a Clipper file with a damaged or truncated header gives
// ErrCorrupt.
func readHeader(path string, size int64) (header, error) {
	f, err := os.Open(path)
	if err != nil {
		return header{}, fmt.Errorf("open %s: %w", path, err)
	}
	defer f.Close()
	var b [100]byte
	n, err := io.ReadFull(f, b[:])
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return header{}, fmt.Errorf("read header of %s: %w", path, err)
	}
	switch {
	case n == 0:
		return header{}, fmt.Errorf("%w: the file is empty", ErrNotProject)
	case n < len(sqliteMagic) && string(b[:n]) == sqliteMagic[:n]:
		return header{}, fmt.Errorf("%w: the file is truncated (%d bytes)", ErrCorrupt, n)
	case n < len(sqliteMagic) || string(b[:len(sqliteMagic)]) != sqliteMagic:
		return header{}, fmt.Errorf("%w: it is not an SQLite database", ErrNotProject)
	}
	if n < 100 {
		return header{}, fmt.Errorf("%w: the file is truncated (%d bytes, the SQLite header alone is 100)", ErrCorrupt, n)
	}
	h := header{
		pages:       binary.BigEndian.Uint32(b[28:]),
		userVersion: int(int32(binary.BigEndian.Uint32(b[60:]))),
		appID:       binary.BigEndian.Uint32(b[68:]),
	}
	if h.appID != appID {
		return header{}, fmt.Errorf("%w: it is an SQLite database of another application (application_id %#x)", ErrNotProject, h.appID)
	}
	ps := int(binary.BigEndian.Uint16(b[16:]))
	if ps == 1 {
		ps = 65536
	}
	if ps < 512 || ps > 65536 || ps&(ps-1) != 0 {
		return header{}, fmt.Errorf("%w: invalid page size %d in the header", ErrCorrupt, ps)
	}
	h.pageSize = ps
	// The in-header size is valid when the change counter (offset 24)
	// equals version-valid-for (offset 92).
	h.sizeValid = h.pages > 0 && binary.BigEndian.Uint32(b[24:]) == binary.BigEndian.Uint32(b[92:])
	if h.userVersion < 1 {
		return header{}, fmt.Errorf("%w: Clipper's id but no schema version (%d) in the header", ErrCorrupt, h.userVersion)
	}
	if hotJournal(path) {
		return h, nil // SQLite rolls the interrupted commit back on open
	}
	if size%int64(ps) != 0 {
		return header{}, fmt.Errorf("%w: the file is %d bytes, not a whole number of %d-byte pages (truncated?)", ErrCorrupt, size, ps)
	}
	if h.sizeValid && size < int64(h.pages)*int64(ps) {
		return header{}, fmt.Errorf("%w: the file is truncated: %d bytes, its header says %d pages of %d bytes",
			ErrCorrupt, size, h.pages, ps)
	}
	return h, nil
}

// hotJournal reports whether a non-empty rollback journal lies next to the
// file: an interrupted commit that SQLite will roll back on open, during
// which the header's size may not match the file.
func hotJournal(path string) bool {
	fi, err := os.Stat(path + "-journal")
	return err == nil && fi.Size() > 0
}
