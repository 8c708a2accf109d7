package store

import (
	"errors"
	"fmt"

	"github.com/mattn/go-sqlite3"
)

// Errors returned by the store, wrapped with context; test with errors.Is.
var (
	// ErrNotProject: the file is not a Clipper project (not SQLite, or
	// SQLite with another application id).
	ErrNotProject = errors.New("not a Clipper project")
	// ErrNoProject: there is no file at the path (or only a symbolic link
	// to a missing file); nothing was created.
	ErrNoProject = errors.New("no such project")
	// ErrBusy: another program holds the project's lock and the store
	// stopped waiting for it (cancelled, or the holder made no progress).
	ErrBusy = errors.New("another program is writing the project")
	// ErrCorrupt: the file is a Clipper project but damaged (bad header,
	// truncated, failed quick_check).
	ErrCorrupt = errors.New("project file is damaged")
	// ErrUnsafeSchema: the file contains tables, views, triggers or indexes
	// Clipper did not create, or a view where a table should be.
	ErrUnsafeSchema = errors.New("project file has an unexpected schema")
	// ErrReadOnly: the project is open read-only and cannot be changed.
	ErrReadOnly = errors.New("project is open read-only")
	// ErrNotFound: no such clipping, tag, coder or annotation.
	ErrNotFound = errors.New("not found")
	// ErrExists: the file, name or shortcut is already taken.
	ErrExists = errors.New("already exists")
	// ErrInvalid: a value is not acceptable (empty name, bad date, …).
	ErrInvalid = errors.New("invalid value")
	// ErrBadSpan: a span is empty or lies outside the clipping's body.
	ErrBadSpan = errors.New("span is empty or outside the text")
	// ErrSpanMismatch: the given exact text differs from the body's text at
	// the span.
	ErrSpanMismatch = errors.New("selected text does not match the clipping")
	// ErrBuiltinTag: the built-in claim, quote and figure tags cannot be
	// deleted or change kind.
	ErrBuiltinTag = errors.New("built-in tag")
	// ErrNothingToUndo: the coder has no action left to undo.
	ErrNothingToUndo = errors.New("nothing to undo")
	// ErrNothingToRedo: the coder has no undone action to redo.
	ErrNothingToRedo = errors.New("nothing to redo")
	// ErrUndoConflict: an entity the undo or redo would touch was changed
	// since by someone else; nothing was changed.
	ErrUndoConflict = errors.New("changed since by someone else")
)

// classify adds ErrCorrupt, ErrReadOnly or ErrBusy to SQLite errors that
// mean a damaged, read-only or locked file, so callers can test for them
// with errors.Is.
func classify(err error) error {
	var se sqlite3.Error
	if !errors.As(err, &se) {
		return err
	}
	switch se.Code {
	case sqlite3.ErrCorrupt, sqlite3.ErrNotADB:
		if !errors.Is(err, ErrCorrupt) {
			return fmt.Errorf("%w: %w", ErrCorrupt, err)
		}
	case sqlite3.ErrBusy, sqlite3.ErrLocked:
		if !errors.Is(err, ErrBusy) {
			return fmt.Errorf("%w: %w", ErrBusy, err)
		}
	case sqlite3.ErrReadonly:
		if !errors.Is(err, ErrReadOnly) {
			return fmt.Errorf("%w: %w", ErrReadOnly, err)
		}
	}
	return err
}

// isUnique reports whether err is a UNIQUE constraint violation.
func isUnique(err error) bool {
	var se sqlite3.Error
	return errors.As(err, &se) && se.ExtendedCode == sqlite3.ErrConstraintUnique
}
