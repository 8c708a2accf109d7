package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
)

func TestMakeBuildInfo(t *testing.T) {
	vcs := func(rev, when, modified string) []debug.BuildSetting {
		return []debug.BuildSetting{{Key: "vcs", Value: "git"}, {Key: "vcs.revision", Value: rev},
			{Key: "vcs.time", Value: when}, {Key: "vcs.modified", Value: modified}}
	}
	fyne := &debug.Module{Path: fyneModule, Version: "v2.7.1"}
	for _, tc := range []struct {
		name string
		ld   linkStamp
		bi   *debug.BuildInfo
		want buildInfo // Go, Platform and SQLite are checked separately
	}{
		{"make build: the stamp wins over VCS",
			linkStamp{"0.2.0", "abc123", "2026-01-02T03:04:05Z"},
			&debug.BuildInfo{GoVersion: "go1.26.8", Settings: vcs("0123456789abcdef0123", "2026-01-01T00:00:00Z", "true"), Deps: []*debug.Module{fyne}},
			buildInfo{Version: "0.2.0", Commit: "abc123", CommitDate: "2026-01-01T00:00:00Z", BuildDate: "2026-01-02T03:04:05Z", Fyne: "v2.7.1"}},
		{"plain go build in a clean checkout",
			linkStamp{},
			&debug.BuildInfo{GoVersion: "go1.26.8", Settings: vcs("0123456789abcdef0123", "2026-01-01T00:00:00Z", "false"), Deps: []*debug.Module{fyne}},
			buildInfo{Version: baseVersion, Commit: "0123456789ab", CommitDate: "2026-01-01T00:00:00Z", Fyne: "v2.7.1"}},
		{"plain go build with local changes",
			linkStamp{},
			&debug.BuildInfo{GoVersion: "go1.26.8", Settings: vcs("0123456789abcdef0123", "2026-01-01T00:00:00Z", "true")},
			buildInfo{Version: baseVersion, Commit: "0123456789ab-dirty", CommitDate: "2026-01-01T00:00:00Z"}},
		{"replaced Fyne module reports the replacement",
			linkStamp{},
			&debug.BuildInfo{Deps: []*debug.Module{{Path: fyneModule, Version: "v2.7.1", Replace: &debug.Module{Path: "../fyne", Version: "v2.7.2-local"}}}},
			buildInfo{Version: baseVersion, Fyne: "v2.7.2-local"}},
		{"no build information at all",
			linkStamp{}, nil,
			buildInfo{Version: baseVersion}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := makeBuildInfo(tc.ld, tc.bi)
			if got.SQLite == "" || got.Go == "" || got.Platform != runtime.GOOS+"/"+runtime.GOARCH {
				t.Errorf("Go/Platform/SQLite = %q %q %q", got.Go, got.Platform, got.SQLite)
			}
			got.Go, got.Platform, got.SQLite = "", "", ""
			if got != tc.want {
				t.Errorf("got  %+v\nwant %+v", got, tc.want)
			}
		})
	}
}

func TestStamp(t *testing.T) {
	if got := (buildInfo{Version: "0.1.0", Commit: "abc"}).stamp(); got != "0.1.0 (abc)" {
		t.Errorf("stamp = %q", got)
	}
	if got := (buildInfo{Version: "0.1.0"}).stamp(); got != "0.1.0" {
		t.Errorf("stamp without commit = %q", got)
	}
}

// fyneAppToml reads the [Details] Version and the [Migrations] of
// FyneApp.toml with a line scanner (the file is flat key = value).
func fyneAppToml(t *testing.T) (version string, migrations map[string]bool) {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "..", "FyneApp.toml"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	migrations = map[string]bool{}
	section := ""
	kv := regexp.MustCompile(`^\s*(\w+)\s*=\s*(.*?)\s*$`)
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if strings.HasPrefix(line, "[") {
			section = strings.Trim(line, "[]")
			continue
		}
		m := kv.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		switch {
		case section == "Details" && m[1] == "Version":
			version = strings.Trim(m[2], `"`)
		case section == "Migrations":
			migrations[m[1]] = m[2] == "true"
		}
	}
	return version, migrations
}

// TestBaseVersionMatchesFyneApp keeps the one version in step: FyneApp.toml
// is the source (the Makefile and fyne package read it); the fallback of a
// plain go build must say the same, and the app opts into the same Fyne
// migrations the toml declares.
func TestBaseVersionMatchesFyneApp(t *testing.T) {
	v, mig := fyneAppToml(t)
	if v == "" {
		t.Fatal("no [Details] Version in FyneApp.toml")
	}
	if v != baseVersion {
		t.Errorf("FyneApp.toml says %s but cmd/clipper/version.go baseVersion is %s: change both", v, baseVersion)
	}
	md := appMetadata(currentBuild(), nil)
	for k, on := range mig {
		if md.Migrations[k] != on {
			t.Errorf("FyneApp.toml migration %s = %v, appMetadata has %v", k, on, md.Migrations[k])
		}
	}
	if len(md.Migrations) != len(mig) {
		t.Errorf("appMetadata migrations %v, FyneApp.toml %v", md.Migrations, mig)
	}
}

func TestVersionFlag(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"--version"}, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	for _, re := range []string{`(?m)^Clipper ` + regexp.QuoteMeta(baseVersion) + `$`, `(?m)^SQLite: +3\.\d+\.\d+$`,
		`(?m)^Go: +go1\.\d+\S* ` + runtime.GOOS + `/` + runtime.GOARCH + `$`, `(?m)^Fyne: +v2\.\d+\.\d+`, `(?m)^commit: `, `(?m)^built: `} {
		if !regexp.MustCompile(re).MatchString(out.String()) {
			t.Errorf("--version output lacks %s:\n%s", re, out.String())
		}
	}
}

// TestInfoShowsVersions: a project made and written by the CLI records
// this Clipper as its creator and writer, and info prints both with the
// build information; info itself writes nothing.
func TestInfoShowsVersions(t *testing.T) {
	db := filepath.Join(t.TempDir(), "p.clip")
	importSample(t, db)
	before, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	out, errs, code := clipper(t, db, "info")
	if code != 0 {
		t.Fatalf("info: %d %s", code, errs)
	}
	var info struct {
		Path      string    `json:"path"`
		Schema    int       `json:"schema"`
		ReadOnly  bool      `json:"read_only"`
		CreatedBy string    `json:"created_by"`
		WrittenBy string    `json:"written_by"`
		Clipper   buildInfo `json:"clipper"`
	}
	if err := json.Unmarshal([]byte(out), &info); err != nil {
		t.Fatalf("info output %q: %v", out, err)
	}
	want := currentBuild().stamp()
	if info.CreatedBy != want || info.WrittenBy != want {
		t.Errorf("created_by %q written_by %q, want %q", info.CreatedBy, info.WrittenBy, want)
	}
	if info.Path != db || info.Schema < 1 || info.ReadOnly || info.Clipper.Version != baseVersion || info.Clipper.SQLite == "" {
		t.Errorf("info = %+v", info)
	}
	after, _ := os.ReadFile(db)
	if !bytes.Equal(before, after) {
		t.Error("info changed the project file")
	}
	if _, errs, code := clipper(t, filepath.Join(t.TempDir(), "none.clip"), "info"); code != 1 || !strings.Contains(errs, "no such project") {
		t.Errorf("info of a missing project: %d %s", code, errs)
	}
}

// TestProjectArgumentOpensTheApp: "clipper FILE.clip", what a desktop runs
// for a double-clicked project, opens the app on that file (here missing,
// so it stops at "no such project" before any window); a lone argument
// that is neither a command nor a project is an unknown command.
func TestProjectArgumentOpensTheApp(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "From Email.CLIP")
	var out, errb bytes.Buffer
	if code := run([]string{missing}, &out, &errb); code != 1 || !strings.Contains(errb.String(), "no such project: "+missing) {
		t.Errorf("clipper %s: %d %s", missing, code, errb.String())
	}
	existing := filepath.Join(dir, "notes.txt")
	mustWrite(t, existing, []byte("x"))
	for _, tc := range []struct {
		arg  string
		want bool
	}{
		{missing, true},
		{existing, true}, // refused later as not a Clipper project, with the reason
		{"list", false},
		{"--db", false},
		{filepath.Join(dir, "nothing-here"), false},
	} {
		if got := opensProject(tc.arg); got != tc.want {
			t.Errorf("opensProject(%q) = %v, want %v", tc.arg, got, tc.want)
		}
	}
	errb.Reset()
	if code := run([]string{"lsit"}, &out, &errb); code != 2 || !strings.Contains(errb.String(), `unknown command "lsit"`) {
		t.Errorf("clipper lsit: %d %s", code, errb.String())
	}
}

// TestLinkTimeStamp builds the binary with the -ldflags the Makefile uses
// and checks that --version reports them: the -X names must match the
// variables in version.go, or the Makefile's stamp is silently dropped.
func TestLinkTimeStamp(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "clipper")
	ld := "-X main.version=9.8.7 -X main.commit=feedface0001 -X main.buildDate=2030-01-02T03:04:05Z"
	build := exec.Command(filepath.Join(runtime.GOROOT(), "bin", "go"), "build", "-ldflags", ld, "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	out, err := exec.Command(bin, "--version").CombinedOutput()
	if err != nil {
		t.Fatalf("--version: %v\n%s", err, out)
	}
	for _, want := range []string{"Clipper 9.8.7\n", "commit:  feedface0001", "built:   2030-01-02T03:04:05Z"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("--version lacks %q:\n%s", want, out)
		}
	}
}

// TestMergeSaysColleaguesVersion: merge reports which Clipper last wrote
// the colleague's file, in the JSON report and on stderr.
func TestMergeSaysColleaguesVersion(t *testing.T) {
	dir := t.TempDir()
	ana, ben := filepath.Join(dir, "ana.clip"), filepath.Join(dir, "ben.clip")
	importSample(t, ana)
	if _, errs, code := clipper(t, ana, "share", "-o", ben); code != 0 {
		t.Fatalf("share: %s", errs)
	}
	out, errs, code := clipper(t, ana, "merge", "--dry-run", ben)
	if code != 0 {
		t.Fatalf("merge: %d %s", code, errs)
	}
	var rep struct {
		PeerVersions struct {
			CreatedBy string `json:"created_by"`
			WrittenBy string `json:"written_by"`
		} `json:"peer_versions"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	want := currentBuild().stamp()
	if rep.PeerVersions.CreatedBy != want || rep.PeerVersions.WrittenBy != want {
		t.Errorf("peer_versions = %+v, want %q", rep.PeerVersions, want)
	}
	if !strings.Contains(errs, "ben.clip was last written by Clipper "+want) {
		t.Errorf("stderr: %s", errs)
	}
}
