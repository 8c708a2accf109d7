// Package store keeps a Clipper project in one SQLite file (.clip): the
// clippings, tags, coders and annotations of a project, an operation log
// that backs undo/redo and the audit trail, and full-text search (FTS4).
//
// The file is a document that researchers copy, email and merge, so the
// store is defensive about what it opens: it checks the SQLite header and
// Clipper's application id before SQLite touches the file, runs
// PRAGMA quick_check, compares the schema with the one this version of
// Clipper expects, and opens files made by a newer Clipper read-only (and
// only without expressions Clipper does not write, see schemaexpr.go).
// A merged file is checked row by row (merge_refuse.go); reads carry on
// past values Clipper would not write (tolerant.go, Problems), and
// Diagnose and Repair find and fix them.
// Every connection runs with trusted_schema=OFF so that a hostile view or
// trigger cannot call application functions. PRAGMA quick_check reads every
// page, so Open runs it only on files up to 16 MiB (≈0.15 s); bigger files
// get the cheap checks (header, size against the header's page count,
// application id, schema) and the app calls Check in the background.
//
// Durability: rollback journal (journal_mode=DELETE, never WAL, so a
// copied file is always complete), synchronous=FULL and immediate
// transactions. A second Clipper instance on the same file waits instead
// of failing with "database is locked": every statement, BEGIN and COMMIT
// that finds the file locked is retried in Go (busy.go, busyconn.go) for
// as long as the lock holder makes progress, reported through OnWait and
// stopped by cancelling the context. A write transaction keeps up to
// 160 MiB of changed pages in memory (cache_spill), so it holds the
// EXCLUSIVE lock — which shuts out readers — only while it commits.
//
// Every user action is one short transaction; batch work (an import, a
// set of accepted suggestions) is one transaction. Ids are UUIDv7 text;
// timestamps are UTC text "2006-01-02T15:04:05.000Z" (millisecond
// precision, sortable as text, the format SQLite's strftime('%Y-%m-%dT%H:%M:%fZ')
// produces). Deleting an annotation or a tag leaves a tombstone
// (deleted_at) so deletions can be undone and merged.
//
// Search uses FTS4 (FTS5 would need a build tag) with external content:
// clip_fts indexes clippings.headline and body, note_fts annotations.note
// (only non-empty notes are indexed; tombstoned annotations stay indexed
// and are filtered out). Every write of those columns, Merge included,
// updates the indexes in the same transaction.
//
// # Operation log
//
// Each create, update or delete of an annotation or a tag appends one row
// per entity to the ops table, with the coder, the time and the entity's
// state before and after as JSON. The rows of one user action share a
// group id and have kind "do". Undo(coder) takes that coder's newest group
// in state "done", restores every entity's before state (undoing a create
// tombstones, undoing a delete restores), marks the group "undone" and
// appends a group of kind "undo" (Reverts = the undone group) recording
// what it changed. Redo(coder) re-applies the oldest "undone" group of the
// coder, marks it "done" again and appends a group of kind "redo". A new
// action by the coder marks all of the coder's "undone" groups
// "discarded", which empties the redo stack. Undo and redo refuse
// (ErrUndoConflict) when an entity was changed since by someone else, and
// then change nothing. Because the stacks live in the file they survive
// closing and reopening the project.
package store
