package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"clipper/model"
)

func versionsOf(t *testing.T, s *Store) ProjectVersions {
	t.Helper()
	v, err := s.Versions(context.Background())
	if err != nil {
		t.Fatalf("Versions: %v", err)
	}
	return v
}

// TestVersionsRecordCreatorAndWriter follows one file through sessions of
// three Clipper versions: the creator is recorded at creation and never
// changes; the writer changes with the first write of each session, and a
// session that only reads leaves it alone.
func TestVersionsRecordCreatorAndWriter(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "p.clip")

	s, err := OpenWith(ctx, path, OpenOptions{Create: true, Version: "0.1.0 (aaa)"})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := versionsOf(t, s), (ProjectVersions{"0.1.0 (aaa)", "0.1.0 (aaa)"}); got != want {
		t.Fatalf("after create: %+v, want %+v", got, want)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	// A session that only reads records nothing.
	s, err = OpenWith(ctx, path, OpenOptions{Version: "0.2.0"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Clippings(ctx); err != nil {
		t.Fatal(err)
	}
	if got := versionsOf(t, s).WrittenBy; got != "0.1.0 (aaa)" {
		t.Errorf("after reading with 0.2.0: written_by %q, want 0.1.0 (aaa)", got)
	}
	// Its first write does.
	if _, err := s.EnsureCoder(ctx, "Ana"); err != nil {
		t.Fatal(err)
	}
	if got, want := versionsOf(t, s), (ProjectVersions{"0.1.0 (aaa)", "0.2.0"}); got != want {
		t.Errorf("after writing with 0.2.0: %+v, want %+v", got, want)
	}
	// Another Clipper writes in between: the next write of this session
	// records this version again.
	other, err := OpenWith(ctx, path, OpenOptions{Version: "0.1.5"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := other.EnsureCoder(ctx, "Ben"); err != nil {
		t.Fatal(err)
	}
	other.Close()
	if got := versionsOf(t, s).WrittenBy; got != "0.1.5" {
		t.Errorf("after the other Clipper wrote: written_by %q, want 0.1.5", got)
	}
	// A write that does not change the record leaves its row alone.
	if _, err := s.EnsureCoder(ctx, "Cleo"); err != nil {
		t.Fatal(err)
	}
	before := settingUpdated(t, s, KeyWrittenBy)
	time.Sleep(2 * time.Millisecond) // timestamps have millisecond precision
	if _, err := s.EnsureCoder(ctx, "Dan"); err != nil {
		t.Fatal(err)
	}
	if after := settingUpdated(t, s, KeyWrittenBy); after != before {
		t.Errorf("an unchanged record was rewritten (%s → %s)", before, after)
	}
	if got := versionsOf(t, s).WrittenBy; got != "0.2.0" {
		t.Errorf("written_by %q, want 0.2.0", got)
	}
	s.Close()

	// A store opened without a version (tests, tools) records nothing.
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.EnsureCoder(ctx, "Eve"); err != nil {
		t.Fatal(err)
	}
	if got := versionsOf(t, s).WrittenBy; got != "0.2.0" {
		t.Errorf("a write without a version changed written_by to %q", got)
	}
	// SetVersion (the app switching projects) stamps the next write.
	s.SetVersion("0.3.0")
	if s.Version() != "0.3.0" {
		t.Errorf("Version() = %q", s.Version())
	}
	if err := s.SetSetting(ctx, "k", "v"); err != nil {
		t.Fatal(err)
	}
	if got, want := versionsOf(t, s), (ProjectVersions{"0.1.0 (aaa)", "0.3.0"}); got != want {
		t.Errorf("after SetVersion and a write: %+v, want %+v", got, want)
	}
	s.Close()
}

// TestVersionsCreateThenSetVersion: a project made with Create (the app's
// File → New project) records its creator with the first write once the
// version is set; a file that predates version records gets a writer but
// no invented creator.
func TestVersionsCreateThenSetVersion(t *testing.T) {
	ctx := context.Background()
	s := newProject(t)
	if got := versionsOf(t, s); got != (ProjectVersions{}) {
		t.Fatalf("Create without a version recorded %+v", got)
	}
	s.SetVersion("0.4.0")
	if _, err := s.EnsureCoder(ctx, "Ana"); err != nil {
		t.Fatal(err)
	}
	if got, want := versionsOf(t, s), (ProjectVersions{"0.4.0", "0.4.0"}); got != want {
		t.Errorf("got %+v, want %+v", got, want)
	}

	old := newProject(t) // made "before version records"
	path := old.Path()
	old.Close()
	s2, err := OpenWith(ctx, path, OpenOptions{Version: "0.5.0"})
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if _, err := s2.EnsureCoder(ctx, "Ana"); err != nil {
		t.Fatal(err)
	}
	if got, want := versionsOf(t, s2), (ProjectVersions{"", "0.5.0"}); got != want {
		t.Errorf("old file: got %+v, want %+v", got, want)
	}
}

// TestVersionsNotWrittenOnFailedOrReadOnly: a write that fails leaves no
// stamp and the next write stamps; a read-only store never writes.
func TestVersionsNotWrittenOnFailedOrReadOnly(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "p.clip")
	s, err := OpenWith(ctx, path, OpenOptions{Create: true, Version: "1"})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()

	s, err = OpenWith(ctx, path, OpenOptions{Version: "2"})
	if err != nil {
		t.Fatal(err)
	}
	bad := &model.Annotation{ClippingID: "no-such-clipping", TagID: "x", CoderID: "y", Start: 0, End: 1}
	if err := s.AddAnnotation(ctx, bad); err == nil {
		t.Fatal("AddAnnotation of a missing clipping succeeded")
	}
	if got := versionsOf(t, s).WrittenBy; got != "1" {
		t.Errorf("a failed write stamped written_by %q", got)
	}
	if err := s.SetSetting(ctx, "k", "v"); err != nil {
		t.Fatal(err)
	}
	if got := versionsOf(t, s).WrittenBy; got != "2" {
		t.Errorf("after a good write written_by = %q, want 2", got)
	}
	s.Close()

	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
	if os.Getuid() == 0 {
		t.Log("running as root: the read-only-on-disk part is not exercised")
		return
	}
	s, err = OpenWith(ctx, path, OpenOptions{Version: "3"})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if ro, _ := s.ReadOnly(); !ro {
		t.Fatal("a read-only file did not open read-only")
	}
	if got := versionsOf(t, s).WrittenBy; got != "2" {
		t.Errorf("read-only store: written_by %q", got)
	}
}

// TestMergeReportsPeerVersions: a merge reports which Clipper made and
// last wrote the colleague's file, and stamps this file with this session's
// version.
func TestMergeReportsPeerVersions(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	a, err := OpenWith(ctx, filepath.Join(dir, "a.clip"), OpenOptions{Create: true, Version: "0.1.0"})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	fa := &fixture{s: a, ctx: ctx}
	if fa.coder, err = a.EnsureCoder(ctx, "Ana"); err != nil {
		t.Fatal(err)
	}
	clip := &model.Clipping{Body: sampleBody, Metadata: model.Metadata{Headline: "Prices"}}
	if _, err := a.AddClipping(ctx, clip); err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(dir, "shared.clip")
	if err := a.Share(ctx, dst, ShareOptions{}); err != nil {
		t.Fatal(err)
	}
	// The colleague works on the shared copy with a later Clipper.
	b, err := OpenWith(ctx, dst, OpenOptions{Version: "0.2.0 (colleague)"})
	if err != nil {
		t.Fatal(err)
	}
	fb := openFixtureOn(t, b, clip)
	fb.mustAdd(t, "quote", 0, 10)
	b.Close()

	// This side merges with yet another version.
	a.SetVersion("0.3.0")
	rep, err := a.Merge(ctx, dst, MergeOptions{CoderID: fa.coder.ID})
	if err != nil {
		t.Fatal(err)
	}
	if want := (ProjectVersions{"0.1.0", "0.2.0 (colleague)"}); rep.PeerVersions != want {
		t.Errorf("PeerVersions = %+v, want %+v", rep.PeerVersions, want)
	}
	if rep.Annotations.Added != 1 {
		t.Errorf("merge added %d annotations, want 1", rep.Annotations.Added)
	}
	if got := versionsOf(t, a).WrittenBy; got != "0.3.0" {
		t.Errorf("after the merge this file's written_by = %q, want 0.3.0", got)
	}
}

// openFixtureOn makes a fixture of an open store with coder "Ben".
func openFixtureOn(t *testing.T, s *Store, clip *model.Clipping) *fixture {
	t.Helper()
	f := &fixture{s: s, ctx: context.Background(), tags: map[string]model.Tag{}, clip: clip}
	var err error
	if f.coder, err = s.EnsureCoder(f.ctx, "Ben"); err != nil {
		t.Fatal(err)
	}
	ts, err := s.Tags(f.ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, tg := range ts {
		f.tags[tg.Name] = tg
	}
	return f
}

func TestCleanVersion(t *testing.T) {
	long := strings.Repeat("9", 200)
	for _, tc := range []struct{ in, want string }{
		{"0.1.0 (abc)", "0.1.0 (abc)"},
		{"  0.1.0\n", "0.1.0"},
		{"0.1\x1b[31m.0", "0.1 [31m.0"},
		{"a\u202eb", "a b"}, // bidi override
		{long, long[:maxVersionLen] + "…"},
	} {
		if got := cleanVersion(tc.in); got != tc.want {
			t.Errorf("cleanVersion(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestSQLiteVersion(t *testing.T) {
	if v := SQLiteVersion(); !regexp.MustCompile(`^3\.\d+\.\d+$`).MatchString(v) {
		t.Errorf("SQLiteVersion() = %q, want 3.x.y", v)
	}
}

// settingUpdated returns the updated_at of a settings row.
func settingUpdated(t *testing.T, s *Store, key string) string {
	t.Helper()
	var u string
	if err := s.db.QueryRowContext(context.Background(), `SELECT updated_at FROM settings WHERE key = ?`, key).Scan(&u); err != nil {
		t.Fatal(err)
	}
	return u
}

// BenchmarkSetSettingStamped measures what the version stamp costs a write
// transaction: the same write with and without a version to record.
func BenchmarkSetSettingStamped(b *testing.B) {
	for _, tc := range []struct{ name, version string }{{"no-version", ""}, {"stamped", "0.1.0 (bench)"}} {
		b.Run(tc.name, func(b *testing.B) {
			s, err := OpenWith(context.Background(), filepath.Join(b.TempDir(), "p.clip"), OpenOptions{Create: true, Version: tc.version})
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			ctx := context.Background()
			b.ResetTimer()
			for i := range b.N {
				if err := s.SetSetting(ctx, "k", fmt.Sprint(i)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
