package export

import (
	"context"
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"clipper/model/testenv"
)

// TestLibreOfficeConverts opens a written workbook with LibreOffice
// (headless) and checks what it reads from the Annotations sheet: a second,
// independent consumer besides excelize. Without soffice it is skipped,
// except in CI (CI=true), which must install libreoffice-calc-nogui.
func TestLibreOfficeConverts(t *testing.T) {
	soffice := requireTool(t, "soffice",
		"apt-get install --no-install-recommends -y libreoffice-calc-nogui")
	dir := t.TempDir()
	xlsx := filepath.Join(dir, "annotations.xlsx")
	d := sampleDataset(t)
	if _, err := WriteFile(context.Background(), xlsx, XLSX, d, nil); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	// Filter options: comma, double quote, UTF-8 (76), start at row 1.
	cmd := exec.CommandContext(ctx, soffice, "--headless", "--norestore",
		"-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", dir, xlsx)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("soffice --convert-to csv: %v\n%s", err, out)
	}
	data, err := os.ReadFile(filepath.Join(dir, "annotations.csv"))
	if err != nil {
		t.Fatalf("LibreOffice wrote no CSV (%v); its output:\n%s", err, out)
	}
	recs, err := csv.NewReader(strings.NewReader(string(data))).ReadAll()
	if err != nil {
		t.Fatalf("LibreOffice's CSV does not parse: %v\n%s", err, data)
	}
	if len(recs) != 7 || !slices.Equal(recs[0][:5], []string{"annotation_id", "clipping_id", "publication", "date", "headline"}) {
		t.Fatalf("LibreOffice read %d rows, header %q", len(recs), recs[0])
	}
	col := func(name string) int { return slices.Index(recs[0], name) }
	checks := []struct {
		row        int
		name, want string
	}{
		{1, "headline", "Énergie: bills climb 🔥 “again”"},
		{1, "date", "2024-03-01"},
		{1, "created", "2024-03-02 10:30:00"},
		{1, "context", "Prices rose sharply in 2023."},
		{1, "note", "He said \"maybe\",\nthen left;\tchecked twice\nok"},
		{3, "value", "12.5"},
		{3, "paragraph", "2"},
		{4, "low", "-6"},
		{4, "exact", "-5 degrees"},
		{5, "exact", "=SUM(A1)"}, // text, not a formula
	}
	for _, c := range checks {
		if got := recs[c.row][col(c.name)]; got != c.want {
			t.Errorf("LibreOffice row %d %s = %q, want %q", c.row, c.name, got, c.want)
		}
	}
}

// TestMissingToolsSkipOutsideCI: on a machine without LibreOffice or
// xmllint the tests that need them skip with a line saying what to
// install; with CI=true they fail.
func TestMissingToolsSkipOutsideCI(t *testing.T) {
	for _, test := range []string{"TestLibreOfficeConverts", "TestQDPXArchive"} {
		out, err := testenv.RunWithoutTools(t, test, false)
		if err != nil || !strings.Contains(out, "--- SKIP: "+test) || !strings.Contains(out, "apt-get install") {
			t.Errorf("%s without its tool, outside CI: %v\n%s", test, err, out)
		}
		out, err = testenv.RunWithoutTools(t, test, true)
		if err == nil || !strings.Contains(out, "--- FAIL: "+test) || !strings.Contains(out, "is not installed") {
			t.Errorf("%s without its tool, CI=true: %v\n%s", test, err, out)
		}
	}
}
