//go:build !unix

package store

// heldByOther cannot ask the system here; it answers "no", so a journal
// beside a project is treated as a leftover (kept, then rolled back).
func heldByOther(string) (bool, error) { return false, nil }

// dirWritable answers "yes": a folder's read-only attribute does not stop
// creating files in it on Windows; a failed write says so when it happens.
func dirWritable(string) bool { return true }
