package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// IsProject reports whether the file at path is a Clipper project: an
// SQLite database whose header carries Clipper's application id, damaged
// or not. A missing file or one that is not a regular file is not (false,
// nil); an error means the file could not be read.
func IsProject(path string) (bool, error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("identify %s: %w", path, err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return false, fmt.Errorf("identify %s: %w", path, err)
	}
	if !fi.Mode().IsRegular() {
		return false, nil
	}
	var b [72]byte
	if _, err := io.ReadFull(f, b[:]); err != nil {
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			return false, nil // too short to hold an application id
		}
		return false, fmt.Errorf("identify %s: %w", path, err)
	}
	return string(b[:len(sqliteMagic)]) == sqliteMagic && binary.BigEndian.Uint32(b[68:]) == appID, nil
}
