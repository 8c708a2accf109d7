package gui

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/xuri/excelize/v2"

	"clipper/export"
	"clipper/model/store"
)

// exportFromMenu opens File → Export…, picks format, presses "Choose
// file…" and saves under name, leaving the export job held.
func exportFromMenu(t *testing.T, u *UI, f export.Format, name string) {
	t.Helper()
	menuAction(t, u, "File", "Export…")
	formField[*widget.Select](t, u, "Format").SetSelected(formatLabels[f])
	test.Tap(dialogButton(t, u, "Choose file…"))
	saveAs(t, u, name)
}

// TestExportEveryFormatFromMenu runs File → Export as a user does, for
// every format. The progress dialog used to crash the window as the
// export finished (a nil close callback in Fyne 2.7).
func TestExportEveryFormatFromMenu(t *testing.T) {
	checks := map[export.Format]func(t *testing.T, b []byte){
		export.XLSX: func(t *testing.T, b []byte) {
			x, err := excelize.OpenReader(bytes.NewReader(b))
			if err != nil {
				t.Fatalf("not a workbook: %v", err)
			}
			defer x.Close()
			rows, err := x.GetRows("Annotations")
			if err != nil || len(rows) != 2 || !strings.Contains(strings.Join(rows[1], "|"), "About 14,000 homes") {
				t.Errorf("Annotations sheet: %q, %v", rows, err)
			}
		},
		export.CSV: func(t *testing.T, b []byte) {
			if !bytes.Contains(b, []byte("About 14,000 homes")) {
				t.Errorf("csv lacks the annotation:\n%s", b)
			}
		},
		export.CSVRaw: func(t *testing.T, b []byte) {
			if !bytes.Contains(b, []byte("About 14,000 homes")) {
				t.Errorf("raw csv lacks the annotation:\n%s", b)
			}
		},
		export.JSON: func(t *testing.T, b []byte) {
			var v map[string]any
			if err := json.Unmarshal(b, &v); err != nil || !bytes.Contains(b, []byte("About 14,000 homes")) {
				t.Errorf("JSON-LD: %v", err)
			}
		},
		export.QDPX: func(t *testing.T, b []byte) {
			if _, err := zip.NewReader(bytes.NewReader(b), int64(len(b))); err != nil {
				t.Errorf("qdpx is not a zip: %v", err)
			}
		},
		export.QDC: func(t *testing.T, b []byte) {
			if !bytes.Contains(b, []byte("<CodeBook")) || !bytes.Contains(b, []byte(`name="figure"`)) {
				t.Errorf("codebook:\n%s", b)
			}
		},
	}
	for _, f := range export.Formats() {
		t.Run(string(f), func(t *testing.T) {
			u, st := newTestUI(t)
			annotate(t, st, u.coder, u.clip, "figure", "About 14,000 homes")
			exportFromMenu(t, u, f, "out")
			progressShowing(t, u, "Exporting")
			u.jobs.wait()
			path := filepath.Join(filepath.Dir(st.Path()), "out"+f.Ext())
			want := "1 annotation from 1 clipping"
			if f == export.QDC {
				want = "0 annotations from 0 clippings" // a codebook holds tags only
			}
			text := overlayText(t, u)
			if !strings.Contains(text, "Export finished") || !strings.Contains(text, want) || !strings.Contains(text, path) {
				t.Errorf("after exporting the dialog says:\n%s", text)
			}
			checks[f](t, fileBytes(t, path))
			if _, err := st.Clippings(u.ctx()); err != nil {
				t.Errorf("the project is unusable after the export: %v", err)
			}
		})
	}
}

// TestExportNeverReplacesAProject: neither the open project, under any
// name, nor another Clipper project can be an export's destination.
func TestExportNeverReplacesAProject(t *testing.T) {
	u, st := newTestUI(t)
	dir := filepath.Dir(st.Path())
	if err := os.Symlink(st.Path(), filepath.Join(dir, "alias.xlsx")); err != nil {
		t.Fatal(err)
	}
	if err := st.Share(u.ctx(), filepath.Join(dir, "colleague.xlsx"), store.ShareOptions{}); err != nil {
		t.Fatal(err)
	}
	before := fileBytes(t, st.Path())
	for _, tc := range []struct{ name, want string }{
		{"alias", "is the open project"},
		{"colleague", "is a Clipper project, which is never replaced"},
	} {
		closeDialogs(u)
		exportFromMenu(t, u, export.XLSX, tc.name)
		if text := overlayText(t, u); !strings.Contains(text, tc.want) {
			t.Errorf("exporting onto %s: the dialog says\n%s", tc.name, text)
		}
		u.jobs.wait()
		if isProject, err := store.IsProject(filepath.Join(dir, tc.name+".xlsx")); !isProject || err != nil {
			t.Errorf("%s.xlsx is no longer a project: %v", tc.name, err)
		}
	}
	if !bytes.Equal(before, fileBytes(t, st.Path())) {
		t.Error("the project file changed")
	}
}

// TestExportReplacesAfterConfirming: an existing export is replaced only
// after "Replace file?", and a failed write leaves a clear error.
func TestExportReplacesAfterConfirming(t *testing.T) {
	u, st := newTestUI(t)
	dir := filepath.Dir(st.Path())
	old := filepath.Join(dir, "old.csv")
	if err := os.WriteFile(old, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	exportFromMenu(t, u, export.CSV, "old")
	if text := overlayText(t, u); !strings.Contains(text, "Replace it?") {
		t.Fatalf("no confirmation:\n%s", text)
	}
	test.Tap(dialogButton(t, u, "Yes"))
	u.jobs.wait()
	if b := fileBytes(t, old); string(b) == "old" {
		t.Error("the confirmed export did not replace the file")
	}

	// A folder where the file should go: the job fails and says so.
	closeDialogs(u)
	if err := os.Mkdir(filepath.Join(dir, "taken.csv"), 0o755); err != nil {
		t.Fatal(err)
	}
	exportFromMenu(t, u, export.CSV, "taken")
	test.Tap(dialogButton(t, u, "Yes"))
	u.jobs.wait()
	if text := overlayText(t, u); !strings.Contains(text, "failed (no file was written)") {
		t.Errorf("the error dialog says:\n%s", text)
	}
}

// TestExportCancel: Cancel stops the export and nothing is written.
func TestExportCancel(t *testing.T) {
	u, st := newTestUI(t)
	exportFromMenu(t, u, export.XLSX, "never")
	cancelJob(t, u, "Exporting")
	u.jobs.wait()
	if _, err := os.Stat(filepath.Join(filepath.Dir(st.Path()), "never.xlsx")); !os.IsNotExist(err) {
		t.Errorf("a cancelled export left a file: %v", err)
	}
	if dialogCount(u) != 0 {
		t.Errorf("dialogs left after cancelling:\n%s", overlayText(t, u))
	}
	if !strings.Contains(u.status.Text, "Export cancelled") {
		t.Errorf("status %q", u.status.Text)
	}
	entries, _ := os.ReadDir(filepath.Dir(st.Path()))
	for _, e := range entries {
		if strings.Contains(e.Name(), "never") {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}
