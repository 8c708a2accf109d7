package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
)

// IsProject reports whether path is a Clipper project file: an SQLite
// database whose header carries Clipper's application id, damaged or not.
// A missing path, a directory or any other file is not; the error is
// non-nil only when the file cannot be examined. Writers use it to refuse
// replacing a project.
func IsProject(path string) (bool, error) {
	fi, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("is %s a Clipper project: %w", path, err)
	}
	if !fi.Mode().IsRegular() || fi.Size() < 100 {
		return false, nil // too short to carry an application id
	}
	_, err = readHeader(path, fi.Size())
	switch {
	case err == nil, errors.Is(err, ErrCorrupt):
		// readHeader reports damage only once it has seen Clipper's id.
		return true, nil
	case errors.Is(err, ErrNotProject):
		return false, nil
	}
	return false, fmt.Errorf("is %s a Clipper project: %w", path, err)
}
