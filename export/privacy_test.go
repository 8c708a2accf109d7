package export

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"clipper/model"
	"clipper/model/store"
)

// TestExportsCarryNoLocalPath exports a project stored under a distinctive
// folder in every format, and shares it, then searches every byte of every
// output — inside ZIP entries too — for the folder's name: an export sent
// to a colleague must not reveal where the file lived on the laptop.
func TestExportsCarryNoLocalPath(t *testing.T) {
	const secret = "Zyxwvut-private-folder"
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), secret)
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	st, err := store.Create(filepath.Join(dir, "study.clip"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	coder, err := st.EnsureCoder(ctx, "Ana Lima")
	if err != nil {
		t.Fatal(err)
	}
	clip := &model.Clipping{Body: "The ministry said prices rose 12% in 2023.", SourceName: "ledger.txt",
		Metadata: model.Metadata{Headline: "Prices", Publication: "The Ledger", Date: "2024-03-01"}}
	if _, err := st.AddClipping(ctx, clip); err != nil {
		t.Fatal(err)
	}
	tags, err := st.Tags(ctx)
	if err != nil {
		t.Fatal(err)
	}
	a := &model.Annotation{ClippingID: clip.ID, TagID: tags[0].ID, CoderID: coder.ID, Start: 4, End: 12,
		Attributes: model.Attributes{Note: "checked"}}
	if err := st.AddAnnotation(ctx, a); err != nil {
		t.Fatal(err)
	}
	d, err := Open(ctx, st, coder.Name)
	if err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	for _, f := range Formats() {
		p := filepath.Join(out, "export-"+string(f)+f.Ext())
		if _, err := WriteFile(ctx, p, f, d, nil); err != nil {
			t.Fatalf("export %s: %v", f, err)
		}
		if where := findBytes(t, p, secret); where != "" {
			t.Errorf("the %s export names the project's folder in %s", f, where)
		}
		if f == XLSX || f == QDPX {
			if where := findBytes(t, p, "study"); where == "" {
				t.Errorf("the %s export does not name the project file at all", f)
			}
		}
	}
	shared := filepath.Join(out, "shared.clip")
	if err := st.Share(ctx, shared, store.ShareOptions{}); err != nil {
		t.Fatal(err)
	}
	if where := findBytes(t, shared, secret); where != "" {
		t.Errorf("the shared copy names the project's folder in %s", where)
	}
}

// findBytes reports where in the file at path s occurs — "the file" or a
// ZIP entry's name — or "" when it does not.
func findBytes(t *testing.T, path, s string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(data, []byte(s)) {
		return "the file's bytes"
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return "" // not a ZIP package
	}
	for _, f := range zr.File {
		if strings.Contains(f.Name, s) || strings.Contains(f.Comment, s) {
			return "entry name " + f.Name
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(b, []byte(s)) {
			return f.Name
		}
	}
	return ""
}
