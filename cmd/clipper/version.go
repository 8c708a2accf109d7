package main

import (
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"strings"

	"clipper/model/store"
)

// Set at link time by the Makefile (-ldflags "-X main.version=… -X
// main.commit=… -X main.buildDate=…"; version comes from FyneApp.toml) and
// never written by the program. A plain `go build` or `go install` leaves
// them empty: currentBuild then uses baseVersion and the VCS stamps Go
// records in the binary.
var (
	version   string
	commit    string
	buildDate string
)

// baseVersion is the version of this source tree. It must equal
// Details.Version in FyneApp.toml (TestBaseVersionMatchesFyneApp).
const baseVersion = "0.1.0"

// fyneModule is the module whose version --version reports as Fyne's.
const fyneModule = "fyne.io/fyne/v2"

// buildInfo describes this Clipper binary.
type buildInfo struct {
	Version    string `json:"version"`
	Commit     string `json:"commit"`      // git commit, "-dirty" when built from a changed tree; "" unknown
	CommitDate string `json:"commit_date"` // from the VCS stamp; "" unknown
	BuildDate  string `json:"build_date"`  // set by make; "" for a plain go build
	Go         string `json:"go"`
	Platform   string `json:"platform"` // GOOS/GOARCH
	Fyne       string `json:"fyne"`
	SQLite     string `json:"sqlite"`
}

// currentBuild describes the running binary.
func currentBuild() buildInfo {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		bi = nil
	}
	return makeBuildInfo(linkStamp{version, commit, buildDate}, bi)
}

// linkStamp is what the Makefile sets with -ldflags -X.
type linkStamp struct{ version, commit, date string }

// makeBuildInfo combines the link-time stamp with Go's build information
// (nil when unavailable): the stamp wins, the VCS settings fill the gaps.
func makeBuildInfo(ld linkStamp, bi *debug.BuildInfo) buildInfo {
	b := buildInfo{
		Version:   ld.version,
		Commit:    ld.commit,
		BuildDate: ld.date,
		Go:        runtime.Version(),
		Platform:  runtime.GOOS + "/" + runtime.GOARCH,
		SQLite:    store.SQLiteVersion(),
	}
	if b.Version == "" {
		b.Version = baseVersion
	}
	if bi == nil {
		return b
	}
	if bi.GoVersion != "" {
		b.Go = bi.GoVersion
	}
	var rev, modified string
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			b.CommitDate = s.Value
		case "vcs.modified":
			modified = s.Value
		}
	}
	if b.Commit == "" && rev != "" {
		b.Commit = rev[:min(len(rev), 12)]
		if modified == "true" {
			b.Commit += "-dirty"
		}
	}
	for _, d := range bi.Deps {
		if d.Path == fyneModule {
			if d.Replace != nil {
				d = d.Replace
			}
			b.Fyne = d.Version
		}
	}
	return b
}

// stamp is how a project file records this Clipper as its creator or
// writer: the version and, when known, the commit ("0.1.0 (a1b2c3d4e5f6)").
func (b buildInfo) stamp() string {
	if b.Commit == "" {
		return b.Version
	}
	return fmt.Sprintf("%s (%s)", b.Version, b.Commit)
}

// write prints the --version report, one fact a line.
func (b buildInfo) write(w io.Writer) {
	unknown := func(s string) string {
		if s == "" {
			return "unknown"
		}
		return s
	}
	var sb strings.Builder
	fmt.Fprintf(&sb, "Clipper %s\n", b.Version)
	c := unknown(b.Commit)
	if b.CommitDate != "" {
		c += " (" + b.CommitDate + ")"
	}
	fmt.Fprintf(&sb, "commit:  %s\n", c)
	fmt.Fprintf(&sb, "built:   %s\n", unknown(b.BuildDate))
	fmt.Fprintf(&sb, "Go:      %s %s\n", b.Go, b.Platform)
	fmt.Fprintf(&sb, "Fyne:    %s\n", unknown(b.Fyne))
	fmt.Fprintf(&sb, "SQLite:  %s\n", unknown(b.SQLite))
	io.WriteString(w, sb.String())
}
