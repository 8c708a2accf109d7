package oldexport

import "fmt"

// maxWarnings caps Report.Warnings; Truncated and Skipped still count all.
const maxWarnings = 100

// warningsOmitted is the last warning of a Report that had to drop some.
const warningsOmitted = "further warnings omitted"

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
// last entry then says that further warnings were omitted.
func (r *Report) warn(format string, args ...any) {
	r.addWarning(fmt.Sprintf(format, args...))
}

func (r *Report) addWarning(w string) {
	n := len(r.Warnings)
	switch {
	case n > 0 && r.Warnings[n-1] == warningsOmitted: // full
	case n < maxWarnings-1:
		r.Warnings = append(r.Warnings, w)
	case n == maxWarnings-1:
		r.Warnings = append(r.Warnings, warningsOmitted)
	}
}

// absorb adds the truncations and warnings of o, a report of part of the
// same export, after r's own (the annotation and clipping counts are the
// caller's to combine).
func (r *Report) absorb(o Report) {
	r.Truncated += o.Truncated
	for _, w := range o.Warnings {
		r.addWarning(w)
	}
}
