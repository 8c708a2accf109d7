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
// folders (names starting with "."), anything that is not a regular file,
// and the sidecar files that sit beside downloads (see sidecar). The order
// follows paths; a file reached twice is listed once. A path that cannot be
// read is an error naming it.
func Collect(paths []string) ([]string, error) {
	var out []string
	seen := map[string]bool{}
	for _, p := range paths {
		files, err := collectEntries(p)
		if err != nil {
			return nil, err
		}
		for _, f := range files {
			if f.skip == "" && !seen[f.path] {
				seen[f.path] = true
				out = append(out, f.path)
			}
		}
	}
	return out, nil
}

// entry is a file found by expanding a path; skip says why a file found in
// a folder is not imported.
type entry struct {
	path, skip string
}

// imageExts are picture files: in a folder, a thumbnail is skipped.
var imageExts = map[string]bool{".jpg": true, ".jpeg": true, ".png": true, ".gif": true, ".webp": true, ".bmp": true, ".tif": true, ".tiff": true, ".heic": true}

// sidecar says why a file found in a folder is not a clipping — a
// metadata sidecar (.json), a system file (Thumbs.db, desktop.ini), an
// Office lock file (~$…), a thumbnail image, an unfinished download — or
// "" when it is to be imported. Files named explicitly are never skipped.
func sidecar(path string) string {
	name := filepath.Base(path)
	low := strings.ToLower(name)
	ext := filepath.Ext(low)
	dir := strings.ToLower(filepath.Base(filepath.Dir(path)))
	switch {
	case strings.HasPrefix(name, "~$"):
		return "an Office lock file (~$…)"
	case low == "thumbs.db" || low == "ehthumbs.db" || low == "desktop.ini" || low == "icon\r" || low == ".ds_store":
		return "a system file (" + name + ")"
	case ext == ".json":
		return "a metadata sidecar (.json)"
	case imageExts[ext] && (strings.Contains(low, "thumb") || dir == "thumbnails" || dir == "thumbs" || dir == "thumb"):
		return "a thumbnail image"
	case ext == ".tmp" || ext == ".part" || ext == ".crdownload" || ext == ".download":
		return "an unfinished download or temporary file"
	}
	return ""
}

// collectEntries expands one path into entries, marking the sidecars found
// in folders.
func collectEntries(p string) ([]entry, error) {
	st, err := os.Stat(p)
	if err != nil {
		return nil, fmt.Errorf("cannot import %s: %w", p, err)
	}
	if !st.IsDir() {
		if !st.Mode().IsRegular() {
			return nil, fmt.Errorf("cannot import %s: not a regular file", p)
		}
		return []entry{{path: filepath.Clean(p)}}, nil
	}
	var out []entry
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
		out = append(out, entry{path: q, skip: sidecar(q)})
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}
