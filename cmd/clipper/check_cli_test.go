package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	_ "github.com/mattn/go-sqlite3" // the plain driver, to damage files as a hand edit would

	"clipper/export"
	"clipper/model/store"
)

// rawExec runs SQL on a project file with the plain SQLite driver, as a
// hand edit or an older program would, and returns the first column of
// the last statement's first row, if it has one.
func rawExec(t *testing.T, path string, stmts ...string) string {
	t.Helper()
	db, err := sql.Open("sqlite3", path+"?_journal_mode=DELETE")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	var last string
	for _, q := range stmts {
		if strings.HasPrefix(q, "SELECT") {
			if err := db.QueryRow(q).Scan(&last); err != nil {
				t.Fatalf("%s: %v", q, err)
			}
			continue
		}
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	return last
}

// twoCoders makes a project where Ana and Ben accepted suggestions on the
// sample clipping, and returns the clipping's id.
func twoCoders(t *testing.T, db string) string {
	t.Helper()
	id, _ := importSample(t, db)
	for _, run := range []struct{ coder, kinds string }{{"Ana", "quote"}, {"Ben", "quote,figure"}} {
		if _, errs, code := clipper(t, db, "--coder", run.coder, "suggest", "--clipping", id, "--kinds", run.kinds, "--accept"); code != 0 {
			t.Fatalf("accept as %s: %d %s", run.coder, code, errs)
		}
	}
	return id
}

// readsSucceed runs every command that only reads the project, and the
// exports in every format, and fails on any that fails; it returns their
// stderr.
func readsSucceed(t *testing.T, db string) string {
	t.Helper()
	var all strings.Builder
	dir := t.TempDir()
	cmds := [][]string{{"list"}, {"annotations"}, {"stats"}, {"search", "council"}, {"agree", "--coders", "Ana,Ben"},
		{"share", "-o", filepath.Join(dir, "shared.clip")}}
	for _, f := range export.Formats() {
		cmds = append(cmds, []string{"export", "--format", string(f), "-o", filepath.Join(dir, "out-"+string(f)+f.Ext())})
	}
	for _, args := range cmds {
		out, errs, code := clipper(t, db, args...)
		if code != 0 || out == "" {
			t.Errorf("%v: exit %d, %s", args, code, errs)
		}
		all.WriteString(errs)
	}
	// The exports also through the library, as the app runs them.
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	d, err := export.Open(ctx, st, "Test Coder")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range export.Formats() {
		if _, err := export.WriteFile(ctx, filepath.Join(dir, "lib-"+string(f)+f.Ext()), f, d, nil); err != nil {
			t.Errorf("export.WriteFile %s: %v", f, err)
		}
	}
	return all.String()
}

// TestReadCommandsCarryOnPastBadValues: a project holding values Clipper
// would not write (an older version's, a hand edit) still lists, shows
// its annotations, exports, compares and shares, with a warning naming
// each row; `check` names them, `check --repair` repairs them.
func TestReadCommandsCarryOnPastBadValues(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	db := filepath.Join(t.TempDir(), "p.clip")
	id := twoCoders(t, db)
	moved := rawExec(t, db, `SELECT id FROM annotations WHERE rowid = 2`)
	rawExec(t, db,
		`UPDATE clippings SET imported_at = 'yesterday'`,
		`PRAGMA ignore_check_constraints = ON`,
		`UPDATE clippings SET authors = 'Priya Natarajan'`,
		`UPDATE annotations SET created_at = 'soon' WHERE rowid = 1`,
		`UPDATE annotations SET start = 'x', "end" = 'y' WHERE rowid = 2`,
		`UPDATE annotations SET "end" = 99999 WHERE rowid = 3`,
		`UPDATE coders SET updated_at = 'never'`)

	out, errs, code := clipper(t, db, "list")
	if code != 0 || !strings.Contains(out, id) {
		t.Fatalf("list: exit %d, %s %s", code, out, errs)
	}
	for _, say := range []string{"warning: clippings " + id + ": imported_at \"yesterday\"", "clipper check --repair"} {
		if !strings.Contains(errs, say) {
			t.Errorf("list should warn %q: %s", say, errs)
		}
	}
	out, errs, code = clipper(t, db, "annotations")
	if code != 0 {
		t.Fatalf("annotations: exit %d, %s", code, errs)
	}
	if strings.Contains(out, moved) || !strings.Contains(errs, "annotations "+moved+": start") {
		t.Errorf("the annotation without a readable span should be left out with a warning: %s", errs)
	}
	if errs := readsSucceed(t, db); !strings.Contains(errs, "lies outside") {
		t.Errorf("agree should warn about the span outside its clipping: %s", errs)
	}

	out, errs, code = clipper(t, db, "check")
	if code != 1 {
		t.Fatalf("check: exit %d, %s", code, errs)
	}
	probs := jsonLines(t, out)
	if len(probs) < 6 {
		t.Errorf("check found %d problems: %s", len(probs), out)
	}
	for _, p := range probs {
		if p["problem"] == "" || p["repaired"] != false {
			t.Errorf("problem line %v", p)
		}
		if p["table"] != "clip_fts" && (p["table"] == nil || p["id"] == nil) {
			t.Errorf("problem without its row: %v", p)
		}
	}
	out, errs, code = clipper(t, db, "check", "--repair")
	if code != 0 {
		t.Fatalf("check --repair: exit %d, %s\n%s", code, errs, out)
	}
	for _, p := range jsonLines(t, out) {
		if p["repaired"] != true {
			t.Errorf("not repaired: %v", p)
		}
	}
	if _, errs, code := clipper(t, db, "check"); code != 0 || !strings.Contains(errs, "no problems") {
		t.Errorf("check after repair: exit %d, %s", code, errs)
	}
	if _, errs, _ := clipper(t, db, "annotations"); strings.Contains(errs, "warning") {
		t.Errorf("warnings after repair: %s", errs)
	}
}

// TestMergePoisonedFileCLI: a colleague's file poisoned in every way a
// merge must catch is merged without the bad rows; the report names every
// refused row, and the project lists, shows, exports in every format,
// compares and shares without a warning.
func TestMergePoisonedFileCLI(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	dir := t.TempDir()
	ana := filepath.Join(dir, "ana.clip")
	twoCoders(t, ana)
	ben := filepath.Join(dir, "ben.clip")
	if _, errs, code := clipper(t, ana, "share", "-o", ben); code != 0 {
		t.Fatalf("share: %s", errs)
	}
	extra := filepath.Join(dir, "note.txt")
	mustWrite(t, extra, []byte("A second clipping.\n\nThe mayor said the plant would close in May, a decision that affects 14,000 homes.\n"))
	out, errs, code := clipper(t, ben, "import", extra)
	if code != 0 {
		t.Fatalf("import: %s", errs)
	}
	second := articleField(t, jsonLines(t, out)[0], "id")
	for _, span := range [][2]string{{"4", "10"}, {"11", "20"}, {"21", "30"}} {
		if _, errs, code := clipper(t, ben, "--coder", "Ben", "annotate", "--clipping", second, "--tag", "quote",
			"--start", span[0], "--end", span[1]); code != 0 {
			t.Fatalf("annotate: %s", errs)
		}
	}
	const dupA, dupB = "01900000-0000-7000-8000-00000000aaa1", "01900000-0000-7000-8000-00000000aaa2"
	ids := map[string]string{}
	for name, q := range map[string]string{
		"timestamp": `SELECT id FROM annotations WHERE rowid = 1`,
		"moved":     `SELECT id FROM annotations WHERE rowid = 2`,
		"escTag":    `SELECT id FROM annotations WHERE rowid = 3`,
		"zwTag":     `SELECT id FROM annotations WHERE rowid = 4`,
		"bidiCoder": `SELECT id FROM annotations WHERE rowid = 5`,
		"value":     `SELECT id FROM annotations WHERE rowid = 6`,
	} {
		ids[name] = rawExec(t, ben, q)
	}
	stamp := "'2024-05-03T10:00:00.000Z'"
	rawExec(t, ben,
		`UPDATE annotations SET created_at = 'yesterday' WHERE rowid = 1`,
		`UPDATE annotations SET exact = 'a text that is nowhere at all' WHERE rowid = 2`,
		`INSERT INTO tags (id, name, kind, created_at, updated_at) VALUES ('01900000-0000-7000-8000-0000000000e1', char(27) || '[31mRED', 'custom', `+stamp+`, `+stamp+`)`,
		`UPDATE annotations SET tag_id = '01900000-0000-7000-8000-0000000000e1' WHERE rowid = 3`,
		`INSERT INTO tags (id, name, kind, created_at, updated_at) VALUES ('01900000-0000-7000-8000-0000000000e2', 'claim' || char(8203), 'custom', `+stamp+`, `+stamp+`)`,
		`UPDATE annotations SET tag_id = '01900000-0000-7000-8000-0000000000e2' WHERE rowid = 4`,
		`INSERT INTO coders (id, name, created_at, updated_at) VALUES ('01900000-0000-7000-8000-0000000000e3', 'Ben' || char(8238) || 'evil', `+stamp+`, `+stamp+`)`,
		`UPDATE annotations SET coder_id = '01900000-0000-7000-8000-0000000000e3' WHERE rowid = 5`,
		`UPDATE annotations SET value = 'a lot' WHERE rowid = 6`,
		`UPDATE clippings SET authors = '[{"name": "Ben"}]' WHERE id = '`+second+`'`,
		`UPDATE annotations SET id = '`+dupA+`' WHERE rowid = 7`,
		`UPDATE annotations SET id = '`+dupB+`' WHERE rowid = 8`,
	)
	b, err := os.ReadFile(ben)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(ben, bytes.ReplaceAll(b, []byte(dupB), []byte(dupA)), 0o644); err != nil {
		t.Fatal(err)
	}

	out, errs, code = clipper(t, ana, "--coder", "Ana", "merge", ben)
	if code != 0 {
		t.Fatalf("merge: exit %d, %s", code, errs)
	}
	var rep store.MergeReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("merge report: %v\n%s", err, out)
	}
	if !strings.Contains(errs, "refused") {
		t.Errorf("the summary should mention the refused rows: %s", errs)
	}
	refused := func(table, id, why string) {
		t.Helper()
		i := slices.IndexFunc(rep.Refused, func(r store.RefusedRow) bool { return r.Table == table && r.ID == id })
		if i < 0 {
			t.Errorf("%s %s not refused; refused: %+v", table, id, rep.Refused)
		} else if !strings.Contains(rep.Refused[i].Reason, why) {
			t.Errorf("%s %s refused for %q, want %q", table, id, rep.Refused[i].Reason, why)
		}
	}
	refused("annotations", ids["timestamp"], `created_at "yesterday"`)
	refused("tags", "01900000-0000-7000-8000-0000000000e1", "control character")
	refused("annotations", ids["escTag"], "its tag 01900000-0000-7000-8000-0000000000e1 was refused")
	refused("tags", "01900000-0000-7000-8000-0000000000e2", "invisible character (U+200B)")
	refused("annotations", ids["zwTag"], "was refused")
	refused("coders", "01900000-0000-7000-8000-0000000000e3", "bidirectional control")
	refused("annotations", ids["bidiCoder"], "its coder")
	refused("annotations", ids["value"], `value is "a lot"`)
	refused("clippings", second, "authors")
	refused("annotations", dupA, "rows with this id")
	if slices.ContainsFunc(rep.Refused, func(r store.RefusedRow) bool { return r.ID == ids["moved"] }) {
		t.Error("a moved span is re-anchored, not refused")
	}
	if n := len(rep.Refused); n != 13 { // the three annotations of the refused clipping (one of them twice over a shared id) count too
		t.Errorf("%d rows refused: %+v", n, rep.Refused)
	}

	if errs := readsSucceed(t, ana); strings.Contains(errs, "warning") {
		t.Errorf("warnings after the merge: %s", errs)
	}
	out, errs, code = clipper(t, ana, "check")
	if code != 0 || !strings.Contains(errs, "no problems") {
		t.Errorf("check after the merge: exit %d, %s %s", code, out, errs)
	}
	out, _, _ = clipper(t, ana, "annotations")
	for _, a := range jsonLines(t, out) {
		for _, bad := range []string{"\x1b", "\u200b", "\u202e", "yesterday"} {
			if strings.Contains(a["tag"].(string)+a["coder"].(string)+a["created"].(string), bad) {
				t.Errorf("a poisoned value arrived: %v", a)
			}
		}
	}
}
