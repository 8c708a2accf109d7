package gui

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"clipper/model/ingest"
	"clipper/model/store"
)

// importReport is one import's outcome as the report window shows it: per
// file the format recognised, the articles found and announced, what
// became of each article (added, already in the project and where, not
// imported and why), warnings and what was left out on purpose; the
// sidecar files skipped; and why the import stopped when it did not
// finish. The window's tree (importwindow.go) reads it by node id.
type importReport struct {
	st      *store.Store
	files   []ingest.FileReport // files read or failed, in import order
	skipped []ingest.FileReport // sidecar files left out of a folder
	stopped error               // nil, a cancel, or the error that stopped the import
	total   int                 // files there were to read; 0 when none was read
	sum     importTotals
	// heads names the clippings that duplicates were found in: id →
	// headline, filled from the library after the import.
	heads map[string]string
}

// importTotals counts a report's files and articles.
type importTotals struct {
	files, failed, skipped    int // files read (or failed), not readable, sidecars
	found, added, dups, probs int // articles
	mismatched, warned        int // files announcing another count; files with warnings
	attention                 int // files that need a look (see needsAttention)
}

func newImportReport(o importOutcome) *importReport {
	r := &importReport{st: o.st, stopped: o.err, total: o.total}
	for _, f := range o.results {
		if f.Skipped != "" {
			r.skipped = append(r.skipped, f)
			continue
		}
		r.files = append(r.files, f)
	}
	s := &r.sum
	s.files, s.skipped = len(r.files), len(r.skipped)
	for _, f := range r.files {
		a, d, p := f.Counts()
		s.added, s.dups, s.probs = s.added+a, s.dups+d, s.probs+p
		s.found += len(f.Articles)
		if f.Err != nil {
			s.failed++
		}
		if mismatch(f) {
			s.mismatched++
		}
		if len(f.Warnings) > 0 {
			s.warned++
		}
		if needsAttention(f) {
			s.attention++
		}
	}
	return r
}

// mismatch reports whether a file announced a number of articles other
// than the number found.
func mismatch(f ingest.FileReport) bool {
	return f.Err == nil && f.Announced > 0 && len(f.Articles) != f.Announced
}

// needsAttention reports whether a file did not simply import: it could
// not be read, has warnings, articles not imported, or fewer or more
// articles than announced.
func needsAttention(f ingest.FileReport) bool {
	_, _, p := f.Counts()
	return f.Err != nil || len(f.Warnings) > 0 || p > 0 || mismatch(f)
}

// cancelled reports whether the import was cancelled before the end.
func (r *importReport) cancelled() bool { return errors.Is(r.stopped, context.Canceled) }

// firstAdded is the first clipping the import added, or "".
func (r *importReport) firstAdded() string {
	for _, f := range r.files {
		for _, a := range f.Articles {
			if a.ID != "" && a.Duplicate == "" && a.Problem == "" {
				return a.ID
			}
		}
	}
	return ""
}

// headlines looks up, among the library's clippings, the headlines of the
// clippings that hold the duplicates found.
func (r *importReport) headlines(lib []store.ClippingSummary) {
	want := map[string]bool{}
	for _, f := range r.files {
		for _, a := range f.Articles {
			if a.Duplicate != "" && a.ID != "" {
				want[a.ID] = true
			}
		}
	}
	r.heads = make(map[string]string, len(want))
	for _, c := range lib {
		if want[c.ID] {
			r.heads[c.ID] = orUntitled(c.Headline)
		}
	}
}

// notable reports whether the import needs its report window: it stopped
// early, split an archive export, or something did not simply become a
// clipping. Otherwise the status bar says enough.
func (r *importReport) notable() bool {
	if r.stopped != nil || r.sum.dups+r.sum.probs+r.sum.attention > 0 {
		return true
	}
	for _, f := range r.files {
		if f.Archive {
			return true
		}
	}
	return false
}

// headline is the report's first sentence: what was found and what became
// of it.
func (r *importReport) headline() string {
	s := r.sum
	files := counted(s.files, "file", "files")
	if s.found == 0 {
		return "No articles imported from " + files + "."
	}
	parts := []string{thousands(s.added) + " added"}
	if s.dups > 0 {
		parts = append(parts, thousands(s.dups)+" already in the project")
	}
	if s.probs > 0 {
		parts = append(parts, thousands(s.probs)+" not imported")
	}
	return fmt.Sprintf("%s in %s: %s.", counted(s.found, "article", "articles"), files, strings.Join(parts, ", "))
}

// notes are the sentences under the headline: how the import stopped, the
// files that need a look and the files skipped.
func (r *importReport) notes() []string {
	s := r.sum
	var out []string
	switch {
	case r.cancelled():
		msg := "Import cancelled"
		if r.total > 0 {
			msg += fmt.Sprintf(" after %s of %s files", thousands(s.files), thousands(r.total))
		}
		msg += ". The files listed here were imported and stay in the project"
		if left := r.total - s.files; r.total > 0 && left > 0 {
			msg += fmt.Sprintf("; the other %s were not imported", counted(left, "file", "files"))
		} else {
			msg += "; the rest were not imported"
		}
		out = append(out, msg+".")
	case r.stopped != nil:
		out = append(out, fmt.Sprintf("The import stopped: %v. The files listed before the stop were imported and stay in the project.", r.stopped))
	}
	if s.failed > 0 {
		out = append(out, counted(s.failed, "file", "files")+" could not be imported.")
	}
	if s.mismatched > 0 {
		out = append(out, counted(s.mismatched, "file holds", "files hold")+" another number of articles than announced.")
	}
	if s.warned > 0 {
		out = append(out, counted(s.warned, "file has", "files have")+" warnings.")
	}
	if s.skipped > 0 {
		out = append(out, counted(s.skipped, "sidecar file was", "sidecar files were")+" skipped.")
	}
	return out
}

// statusLine is the report in one line for the status bar.
func (r *importReport) statusLine() string {
	s := r.sum
	msg := counted(s.added, "clipping", "clippings") + " imported"
	if s.dups > 0 {
		msg += ", " + thousands(s.dups) + " already in the project"
	}
	if s.probs > 0 {
		msg += ", " + counted(s.probs, "article", "articles") + " not imported"
	}
	if s.failed > 0 {
		msg += ", " + counted(s.failed, "file", "files") + " could not be read"
	}
	if s.skipped > 0 {
		msg += ", " + counted(s.skipped, "sidecar file", "sidecar files") + " skipped"
	}
	switch {
	case r.cancelled():
		return "Import cancelled: " + msg + " before the cancel; they stay in the project."
	case r.stopped != nil:
		return "Import stopped: " + msg + " before the stop; they stay in the project."
	}
	return strings.ToUpper(msg[:1]) + msg[1:] + "."
}

// fileLine describes a file in one line: format, articles found and
// announced, what became of them and how many warnings.
func fileLine(f ingest.FileReport) string {
	switch {
	case f.Err != nil:
		return "could not be imported: " + oneLine(f.Err.Error())
	case f.Skipped != "":
		return "skipped: " + f.Skipped
	}
	var parts []string
	if mismatch(f) {
		parts = append(parts, fmt.Sprintf("found %s of %s announced", thousands(len(f.Articles)), thousands(f.Announced)))
	}
	format := f.Format
	if format == "" {
		format = "unknown format"
	}
	parts = append(parts, format)
	if f.Archive && !mismatch(f) {
		n := counted(len(f.Articles), "article", "articles")
		if f.Announced > 0 {
			n += " (as announced)"
		}
		parts = append(parts, n)
	}
	a, d, p := f.Counts()
	if a > 0 || d+p == 0 {
		parts = append(parts, thousands(a)+" added")
	}
	if d > 0 {
		parts = append(parts, thousands(d)+" already in the project")
	}
	if p > 0 {
		parts = append(parts, thousands(p)+" not imported")
	}
	if n := len(f.Warnings); n > 0 {
		parts = append(parts, counted(n, "warning", "warnings"))
	}
	return strings.Join(parts, " · ")
}

// articleLines are an article's two lines: number and headline, then
// publication, date and what became of it.
func (r *importReport) articleLines(a ingest.ArticleReport) (head, text string) {
	head = a.Headline
	if strings.TrimSpace(head) == "" {
		head = "(no headline)"
	}
	if a.N > 0 {
		head = strconv.Itoa(a.N) + ". " + head
	}
	var parts []string
	for _, s := range []string{a.Publication, a.Date} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	return head, strings.Join(append(parts, r.articleFate(a)), " · ")
}

// articleFate says what became of an article.
func (r *importReport) articleFate(a ingest.ArticleReport) string {
	switch {
	case a.Problem != "":
		return "not imported: " + a.Problem
	case a.Duplicate != "":
		msg := "already in the project (" + a.Duplicate + ")"
		if h, ok := r.heads[a.ID]; ok {
			msg += " as “" + h + "”"
		}
		return msg
	case a.ID != "":
		return "added"
	}
	return "not imported"
}

// text is the whole report as plain text, for the clipboard.
func (r *importReport) text() string {
	var b strings.Builder
	b.WriteString("Clipper import report\n")
	if r.st != nil {
		b.WriteString("Project: " + r.st.Path() + "\n")
	}
	b.WriteString(r.headline() + "\n")
	for _, n := range r.notes() {
		b.WriteString(n + "\n")
	}
	for _, f := range r.files {
		fmt.Fprintf(&b, "\n%s\n  %s\n", f.Path, fileLine(f))
		if f.Err != nil {
			continue
		}
		for _, w := range f.Warnings {
			b.WriteString("  warning: " + w + "\n")
		}
		for _, l := range f.LeftOut {
			b.WriteString("  left out: " + l + "\n")
		}
		for _, a := range f.Articles {
			head, text := r.articleLines(a)
			b.WriteString("  " + head + "\n    " + text)
			if a.ID != "" {
				b.WriteString(" [clipping " + a.ID + "]")
			}
			if a.SourceID != "" {
				b.WriteString(" [document id " + a.SourceID + "]")
			}
			b.WriteString("\n")
		}
	}
	if len(r.skipped) > 0 {
		b.WriteString("\nSkipped\n")
		for _, f := range r.skipped {
			fmt.Fprintf(&b, "  %s: %s\n", f.Path, f.Skipped)
		}
	}
	return b.String()
}

// counted writes n, with thousands separators, and the singular or plural
// noun: "1 article", "3,410 articles".
func counted(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return thousands(n) + " " + many
}
