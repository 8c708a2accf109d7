package export

import "fmt"

// maxWarnings caps Report.Warnings; Truncated and Skipped still count all.
const maxWarnings = 100

// Report says what an export wrote and what it had to change.
type Report struct {
	Annotations int // annotations written: rows, items or selections
	// Clippings counts the clippings in the output: rows of the Clippings
	// sheet, sources of a .qdpx, or the clippings the CSV rows and Web
	// Annotation targets refer to; 0 for a .qdc.
	Clippings int
	Truncated int      // cell texts cut to Excel's 32,767 characters (xlsx only)
	Warnings  []string // what was truncated or looked wrong, at most 100 entries
}

// warn records a human-readable warning, keeping at most maxWarnings; the
// last entry says how many more were dropped.
func (r *Report) warn(format string, args ...any) {
	switch {
	case len(r.Warnings) < maxWarnings-1:
		r.Warnings = append(r.Warnings, fmt.Sprintf(format, args...))
	case len(r.Warnings) == maxWarnings-1:
		r.Warnings = append(r.Warnings, "further warnings omitted")
	}
}
