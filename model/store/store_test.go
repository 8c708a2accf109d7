package store

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestOpensDatabase guards against CGO_ENABLED=0 builds, in which the
// driver is a stub that fails only at run time.
func TestOpensDatabase(t *testing.T) {
	s := newProject(t)
	var v string
	if err := s.db.QueryRow("SELECT sqlite_version()").Scan(&v); err != nil {
		t.Fatalf("SQLite does not run (built with CGO_ENABLED=0?): %v", err)
	}
	if v == "" {
		t.Fatal("empty sqlite_version")
	}
}

func TestCreateIdentityAndPragmas(t *testing.T) {
	s := newProject(t)
	ctx := context.Background()
	latest := len(defaultMigrations())
	if got := s.SchemaVersion(); got != latest {
		t.Errorf("SchemaVersion = %d, want %d", got, latest)
	}
	if ro, msg := s.ReadOnly(); ro || msg != "" {
		t.Errorf("ReadOnly = %v %q for a new project", ro, msg)
	}
	for _, c := range []struct {
		pragma string
		want   string
	}{
		{"application_id", "1129072976"}, // 0x434C4950
		{"user_version", fmt.Sprint(latest)},
		{"journal_mode", "delete"},
		{"synchronous", "2"},
		{"foreign_keys", "1"},
		{"trusted_schema", "0"},
		{"cell_size_check", "1"},
		{"busy_timeout", busyStep}, // one step; the store waits longer in Go (busy.go)
		{"cache_spill", fmt.Sprint(spillBytes / 4096)},
	} {
		var got string
		if err := s.db.QueryRowContext(ctx, "PRAGMA "+c.pragma).Scan(&got); err != nil {
			t.Fatal(err)
		}
		if got != c.want {
			t.Errorf("PRAGMA %s = %s, want %s", c.pragma, got, c.want)
		}
	}
	b, err := os.ReadFile(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	if string(b[68:72]) != "CLIP" {
		t.Errorf("header bytes 68–72 = %q, want CLIP", b[68:72])
	}
}

func TestCreateOpenOrCreate(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()

	empty := filepath.Join(dir, "empty.clip")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := Create(empty)
	if err != nil {
		t.Fatalf("Create on a 0-byte file: %v", err)
	}
	if err := s.SetSetting(ctx, "k", "v"); err != nil {
		t.Fatal(err)
	}
	s.Close()

	_, err = Create(empty)
	wantErr(t, err, ErrExists)

	s, err = OpenOrCreate(empty)
	if err != nil {
		t.Fatal(err)
	}
	if v, err := s.Setting(ctx, "k"); err != nil || v != "v" {
		t.Errorf("Setting after reopen = %q, %v", v, err)
	}
	s.Close()

	missing := filepath.Join(dir, "new #1?.clip")
	s, err = OpenOrCreate(missing)
	if err != nil {
		t.Fatalf("OpenOrCreate on a missing file with # and ? in its name: %v", err)
	}
	s.Close()
	if _, err := os.Stat(missing); err != nil {
		t.Fatalf("project not created at its exact name: %v", err)
	}
	if s, err = Open(missing); err != nil {
		t.Fatalf("Open of a name with # and ?: %v", err)
	}
	s.Close()

	_, err = Open(filepath.Join(dir, "nope.clip"))
	wantErr(t, err, fs.ErrNotExist)
}

func TestSettings(t *testing.T) {
	s := newProject(t)
	ctx := context.Background()
	if v, err := s.Setting(ctx, "unset"); err != nil || v != "" {
		t.Fatalf("unset setting = %q, %v", v, err)
	}
	for _, v := range []string{"one", "two", ""} {
		if err := s.SetSetting(ctx, "k", v); err != nil {
			t.Fatal(err)
		}
		if got, err := s.Setting(ctx, "k"); err != nil || got != v {
			t.Errorf("Setting = %q, %v, want %q", got, err, v)
		}
	}
	wantErr(t, s.SetSetting(ctx, "", "x"), ErrInvalid)
}

func TestCoders(t *testing.T) {
	s := newProject(t)
	ctx := context.Background()
	a, err := s.EnsureCoder(ctx, "  Ana  ")
	if err != nil {
		t.Fatal(err)
	}
	if a.Name != "Ana" || a.ID == "" || a.CreatedAt.IsZero() {
		t.Fatalf("EnsureCoder = %+v", a)
	}
	again, err := s.EnsureCoder(ctx, "ANA")
	if err != nil || again != a {
		t.Errorf("EnsureCoder(ANA) = %+v, %v, want %+v", again, err, a)
	}
	e1, err := s.EnsureCoder(ctx, "Élodie")
	if err != nil {
		t.Fatal(err)
	}
	if e2, err := s.EnsureCoder(ctx, "éLODIE"); err != nil || e2.ID != e1.ID {
		t.Errorf("non-ASCII case-insensitive match failed: %+v %v", e2, err)
	}
	for _, bad := range []string{"", "   ", "a\nb", strings.Repeat("x", 101)} {
		if _, err := s.EnsureCoder(ctx, bad); err == nil {
			t.Errorf("EnsureCoder(%q) accepted", bad)
		}
	}
	if err := s.RenameCoder(ctx, a.ID, "Ana B."); err != nil {
		t.Fatal(err)
	}
	wantErr(t, s.RenameCoder(ctx, a.ID, "élodie"), ErrExists)
	wantErr(t, s.RenameCoder(ctx, "0190f0f0-0000-7000-8000-000000000000", "Zed"), ErrNotFound)
	cs, err := s.Coders(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 2 || cs[0].Name != "Ana B." || cs[1].Name != "Élodie" {
		t.Errorf("Coders = %+v", cs)
	}
	if !cs[0].UpdatedAt.After(cs[0].CreatedAt) && !cs[0].UpdatedAt.Equal(cs[0].CreatedAt) {
		t.Errorf("updated_at %v before created_at %v", cs[0].UpdatedAt, cs[0].CreatedAt)
	}
}

// TestParseStamp: the fast timestamp reader agrees with time.Parse on the
// store's layout, valid or not.
func TestParseStamp(t *testing.T) {
	for _, s := range []string{"2024-05-03T14:07:00.000Z", "2024-02-29T23:59:59.999Z", "2023-02-29T10:00:00.000Z",
		"2024-13-01T10:00:00.000Z", "2024-04-31T10:00:00.000Z", "2024-05-03T24:00:00.000Z", "2024-05-03T14:07:60.000Z",
		"2024-05-03 14:07:00.000Z", "2024-05-03T14:07:00.000", "2024-05-03T14:07:00Z", "0000-01-01T00:00:00.000Z",
		"2024-05-0xT14:07:00.000Z", "9999-12-31T23:59:59.999Z", "2024-00-10T10:00:00.000Z", "2024-01-00T10:00:00.000Z"} {
		want, werr := time.Parse(timeLayout, s)
		got, ok := parseStamp(s)
		if ok != (werr == nil) || ok && !got.Equal(want) {
			t.Errorf("%s: parseStamp %v %v, time.Parse %v %v", s, got, ok, want, werr)
		}
	}
}
