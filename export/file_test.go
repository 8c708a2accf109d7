package export

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"clipper/model/store"
)

// dirNames lists the names in dir.
func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func TestWriteFileWritesEveryFormat(t *testing.T) {
	dir := t.TempDir()
	for _, f := range Formats() {
		path := filepath.Join(dir, "out"+f.Ext()+"."+string(f))
		rep, err := WriteFile(context.Background(), path, f, sampleDataset(t), nil)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		info, err := os.Stat(path)
		if err != nil || info.Size() == 0 {
			t.Fatalf("%s: written file %v, %v", f, info, err)
		}
		if info.Mode().Perm() != 0o644 {
			t.Errorf("%s: mode %v, want 0644", f, info.Mode().Perm())
		}
		if f != QDC && rep.Annotations != 6 {
			t.Errorf("%s: report %+v", f, rep)
		}
	}
	if n := len(dirNames(t, dir)); n != len(Formats()) {
		t.Errorf("%d files in the directory, want %d (no temporary leftovers): %v", n, len(Formats()), dirNames(t, dir))
	}
}

// TestWriteFileAtomic: whatever goes wrong, the old file survives intact
// and no temporary file is left behind.
func TestWriteFileAtomic(t *testing.T) {
	const old = "previous export"
	errDisk := errors.New("disk full")
	tests := []struct {
		name string
		run  func(ctx context.Context, path string) error
		want error
	}{
		{"cancelled before start", func(ctx context.Context, path string) error {
			ctx, cancel := context.WithCancel(ctx)
			cancel()
			_, err := WriteFile(ctx, path, XLSX, sampleDataset(t), nil)
			return err
		}, context.Canceled},
		{"cancelled while writing rows", func(ctx context.Context, path string) error {
			ctx, cancel := context.WithCancel(ctx)
			defer cancel()
			d := bigDataset(3, 700) // progress is reported every 1,024 rows
			_, err := WriteFile(ctx, path, CSV, d, func(done, total int) {
				if done > 0 && done < total {
					cancel()
				}
			})
			return err
		}, context.Canceled},
		{"cancelled at the very end", func(ctx context.Context, path string) error {
			ctx, cancel := context.WithCancel(ctx)
			defer cancel()
			_, err := WriteFile(ctx, path, JSON, sampleDataset(t), func(done, total int) {
				if done == total {
					cancel()
				}
			})
			return err
		}, context.Canceled},
		{"writer fails half way", func(ctx context.Context, path string) error {
			return writeAtomic(ctx, path, func() error { return nil }, func(w io.Writer) error {
				if _, err := io.WriteString(w, strings.Repeat("partial ", 100000)); err != nil {
					return err
				}
				return fmt.Errorf("write rows: %w", errDisk)
			})
		}, errDisk},
		{"invalid dataset", func(ctx context.Context, path string) error {
			d := sampleDataset(t)
			d.Annotations[0].TagID = "missing"
			_, err := WriteFile(ctx, path, QDPX, d, nil)
			return err
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "export.out")
			if err := os.WriteFile(path, []byte(old), 0o644); err != nil {
				t.Fatal(err)
			}
			err := tt.run(context.Background(), path)
			if err == nil {
				t.Fatal("no error")
			}
			if tt.want != nil && !errors.Is(err, tt.want) {
				t.Errorf("error %v does not wrap %v", err, tt.want)
			}
			if got, _ := os.ReadFile(path); string(got) != old {
				t.Errorf("old file replaced by %d bytes", len(got))
			}
			if names := dirNames(t, dir); len(names) != 1 {
				t.Errorf("directory holds %v, want only the old file", names)
			}
		})
	}
}

func TestWriteFileBadDirectory(t *testing.T) {
	path := filepath.Join(t.TempDir(), "no", "such", "dir", "x.xlsx")
	_, err := WriteFile(context.Background(), path, XLSX, sampleDataset(t), nil)
	if err == nil || !strings.Contains(err.Error(), "create temporary file") {
		t.Errorf("error %v, want one about the temporary file", err)
	}
}

// failingWriter accepts n bytes, then fails.
type failingWriter struct{ n int }

var errWriter = errors.New("device gone")

func (w *failingWriter) Write(p []byte) (int, error) {
	if len(p) > w.n {
		k := w.n
		w.n = 0
		return k, errWriter
	}
	w.n -= len(p)
	return len(p), nil
}

// TestWriteFailingWriter: every format reports the writer's error.
func TestWriteFailingWriter(t *testing.T) {
	d := bigDataset(4, 200)
	for _, f := range Formats() {
		full := &countingWriter{}
		if _, err := Write(context.Background(), full, f, d, nil); err != nil {
			t.Fatal(err)
		}
		// Near the end rather than at full.n-1: the workbook's size varies by
		// a few bytes between runs (its sheets finish in either order).
		for _, n := range []int64{0, 100, full.n / 2, full.n * 9 / 10} {
			_, err := Write(context.Background(), &failingWriter{n: int(n)}, f, d, nil)
			if !errors.Is(err, errWriter) {
				t.Errorf("%s, failing after %d of %d bytes: error %v", f, n, full.n, err)
			}
		}
	}
}

// TestWriteFileRefusesProjects: an export never replaces the project it
// comes from, however the path is spelled, nor any other Clipper project.
func TestWriteFileRefusesProjects(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	open := filepath.Join(dir, "p.clip")
	st, err := store.Create(open)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	d, err := Open(ctx, st, "Ana")
	if err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(dir, "other.clip")
	ost, err := store.Create(other)
	if err != nil {
		t.Fatal(err)
	}
	ost.Close()
	sym, hard := filepath.Join(dir, "link.clip"), filepath.Join(dir, "hard.clip")
	if err := os.Symlink(open, sym); err != nil {
		t.Fatal(err)
	}
	if err := os.Link(open, hard); err != nil {
		t.Fatal(err)
	}
	sub := filepath.Join(dir, "sub")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir(sub)
	snapshot := func(p string) []byte {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	before, otherBefore := snapshot(open), snapshot(other)
	for _, c := range []struct{ dst, says string }{
		{open, "over the open project"},
		{"../p.clip", "over the open project"},
		{"./../sub/../p.clip", "over the open project"},
		{sym, "over the open project"},
		{hard, "over the open project"},
		{other, "refusing to replace the Clipper project"},
		{"../other.clip", "refusing to replace the Clipper project"},
	} {
		for _, f := range []Format{XLSX, CSV} {
			_, err := WriteFile(ctx, c.dst, f, d, nil)
			if !errors.Is(err, ErrProjectFile) || !strings.Contains(err.Error(), c.says) || !strings.Contains(err.Error(), "choose another file name") {
				t.Errorf("export %s to %s: error %v, want %q", f, c.dst, err, c.says)
			}
		}
	}
	if !bytes.Equal(before, snapshot(open)) || !bytes.Equal(otherBefore, snapshot(other)) {
		t.Fatal("a project file changed")
	}
	if fi, err := os.Lstat(sym); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the symbolic link was replaced: %v %v", fi, err)
	}
	if names := dirNames(t, dir); len(names) != 5 {
		t.Errorf("temporary files left: %v", names)
	}
	if _, err := st.ClippingSummaries(ctx); err != nil {
		t.Errorf("project unusable afterwards: %v", err)
	}
}
