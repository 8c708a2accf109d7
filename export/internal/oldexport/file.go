package oldexport

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"clipper/model/store"
)

// ErrProjectFile: the export's destination is a Clipper project — the one
// being exported or any other; an export never replaces a project.
var ErrProjectFile = errors.New("the destination is a Clipper project")

// WriteFile writes d to path in format f, atomically: it writes a temporary
// file in the same directory, fsyncs it and renames it over path only when
// everything succeeded. A failed or cancelled export leaves path untouched
// (an older file there survives) and removes the temporary file. It
// refuses (ErrProjectFile) to replace d's project — however path spells
// it: relative, through a symbolic or a hard link — or any other Clipper
// project file.
func WriteFile(ctx context.Context, path string, f Format, d *Dataset, progress func(done, total int)) (Report, error) {
	var rep Report
	guard := func() error { return checkDestination(path, d.ProjectPath) }
	err := writeAtomic(ctx, path, guard, func(w io.Writer) error {
		var err error
		rep, err = Write(ctx, w, f, d, progress)
		return err
	})
	return rep, err
}

// checkDestination refuses a path that is the open project (compared with
// os.SameFile, not by name) or another Clipper project.
func checkDestination(path, project string) error {
	fi, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("export to %s: %w", path, err)
	}
	if project != "" {
		if pfi, err := os.Stat(project); err == nil && os.SameFile(fi, pfi) {
			return refusal{"refusing to write the export over the open project " + path + "; choose another file name"}
		}
	}
	isProject, err := store.IsProject(path)
	if err != nil {
		return fmt.Errorf("export to %s: %w", path, err)
	}
	if isProject {
		return refusal{"refusing to replace the Clipper project " + path + " with an export; choose another file name"}
	}
	return nil
}

// refusal is an ErrProjectFile whose message is the whole story.
type refusal struct{ msg string }

func (r refusal) Error() string { return r.msg }
func (r refusal) Unwrap() error { return ErrProjectFile }

// writeAtomic runs fill on a temporary file next to path and renames it to
// path when fill succeeded and ctx is still live. guard, run before
// anything is written and again just before the rename, may veto path.
func writeAtomic(ctx context.Context, path string, guard func() error, fill func(io.Writer) error) (err error) {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("export to %s cancelled: %w", path, err)
	}
	if err := guard(); err != nil {
		return err
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		return fmt.Errorf("export to %s: create temporary file: %w", path, err)
	}
	defer func() {
		if err != nil {
			_ = tmp.Close() // may already be closed; the error that matters is err
			if rmErr := os.Remove(tmp.Name()); rmErr != nil && !errors.Is(rmErr, os.ErrNotExist) {
				err = errors.Join(err, fmt.Errorf("remove temporary file: %w", rmErr))
			}
		}
	}()
	bw := bufio.NewWriterSize(tmp, 256<<10)
	if err = fill(bw); err != nil {
		return fmt.Errorf("export to %s: %w", path, err)
	}
	if err = bw.Flush(); err != nil {
		return fmt.Errorf("export to %s: write: %w", path, err)
	}
	if err = ctx.Err(); err != nil {
		return fmt.Errorf("export to %s cancelled: %w", path, err)
	}
	if err = tmp.Chmod(0o644); err != nil {
		return fmt.Errorf("export to %s: set permissions: %w", path, err)
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("export to %s: sync: %w", path, err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("export to %s: close: %w", path, err)
	}
	if err = guard(); err != nil {
		return err
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("export to %s: rename temporary file: %w", path, err)
	}
	// Make the rename durable; some platforms cannot sync a directory, and
	// the file itself is complete either way, so this is best effort.
	if d, derr := os.Open(dir); derr == nil {
		_ = d.Sync()
		_ = d.Close()
	}
	return nil
}
