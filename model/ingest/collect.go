package ingest

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Collect expands paths into the files to import: a file is kept as given,
// a folder is walked recursively in lexical order, skipping hidden files and
// folders (names starting with ".") and anything that is not a regular
// file. The order follows paths; a file reached twice is listed once. A
// path that cannot be read is an error naming it.
func Collect(paths []string) ([]string, error) {
	var out []string
	seen := map[string]bool{}
	for _, p := range paths {
		files, err := collectPath(p)
		if err != nil {
			return nil, err
		}
		for _, f := range files {
			if !seen[f] {
				seen[f] = true
				out = append(out, f)
			}
		}
	}
	return out, nil
}

// collectPath expands one path (see Collect).
func collectPath(p string) ([]string, error) {
	st, err := os.Stat(p)
	if err != nil {
		return nil, fmt.Errorf("cannot import %s: %w", p, err)
	}
	if !st.IsDir() {
		if !st.Mode().IsRegular() {
			return nil, fmt.Errorf("cannot import %s: not a regular file", p)
		}
		return []string{filepath.Clean(p)}, nil
	}
	var out []string
	err = filepath.WalkDir(p, func(q string, d fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("reading folder %s: %w", q, err)
		}
		if q != p && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			st, err := os.Stat(q)
			if err != nil || !st.Mode().IsRegular() {
				return nil // a dangling link or a link to a folder
			}
		} else if !d.Type().IsRegular() {
			return nil
		}
		out = append(out, q)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}
