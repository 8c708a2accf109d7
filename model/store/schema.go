package store

import (
	"context"
	"database/sql"
	"fmt"

	"clipper/model"
)

// schemaV1 creates the version-1 schema. Small columns come before body
// and original so that reading a clipping's metadata never follows the
// body's overflow pages; clippings_list covers the library list.
// clippings and annotations carry a local INTEGER rowid (rid) for their
// FTS4 indexes — VACUUM keeps explicit INTEGER PRIMARY KEYs — while the
// UUIDv7 text id is what other rows and merges refer to.
//
// Saving an annotation is the hot path (one fsync'd transaction per user
// action), so it touches few pages: both FTS4 tables index external content
// (no copy of the text) with matchinfo=fts3 (no per-document size rows —
// results are ordered by date, not ranked); ops has no index on its id or
// group (a group is a contiguous run of seq, read by rowid range) and its
// only index, ops_undone (the redo stacks), is partial: new ops do not
// enter it, only undone ones. Annotations are indexed by id and by
// clipping (with deleted_at, covering the live counts of the library
// list); schema 3 adds partial indexes of the live ones by tag and by
// coder (see schemaV3).
//
// Merging (see merge.go): replica holds this file's identity as a merge
// peer (one row; Share gives every shared copy a new one); peers numbers
// the replicas merged with; merge_base records, per peer and annotation,
// 64-bit digests of both sides' states at the last sync — the common
// version that tells "only they changed" from "both changed"; merges is
// the audit trail of merges and conflicts the edits both sides made,
// kept for the researcher to resolve. anchor_status marks annotations a
// merge re-anchored onto a changed text (empty: anchored as made) and
// anchor_quote keeps the text they were made on.
func schemaV1() []string {
	return []string{
		`CREATE TABLE settings (
	key        TEXT PRIMARY KEY NOT NULL CHECK (key <> ''),
	value      TEXT NOT NULL,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
)`,
		`CREATE TABLE coders (
	id         TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
	name       TEXT NOT NULL CHECK (name <> ''),
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
)`,
		`CREATE TABLE clippings (
	rid         INTEGER PRIMARY KEY,
	id          TEXT NOT NULL UNIQUE CHECK (length(id) = 36),
	body_hash   TEXT NOT NULL UNIQUE CHECK (length(body_hash) = 64),
	publication TEXT NOT NULL DEFAULT '',
	headline    TEXT NOT NULL DEFAULT '',
	deck        TEXT NOT NULL DEFAULT '',
	authors     TEXT NOT NULL DEFAULT '[]' CHECK (json_type(authors) = 'array'),
	credit      TEXT NOT NULL DEFAULT '',
	dateline    TEXT NOT NULL DEFAULT '',
	date        TEXT NOT NULL DEFAULT '' CHECK (date = '' OR date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	url         TEXT NOT NULL DEFAULT '',
	captions    TEXT NOT NULL DEFAULT '[]' CHECK (json_type(captions) = 'array'),
	source_name TEXT NOT NULL DEFAULT '',
	imported_at TEXT NOT NULL,
	created_at  TEXT NOT NULL,
	updated_at  TEXT NOT NULL,
	body        TEXT NOT NULL CHECK (body <> ''),
	original    BLOB
)`,
		`CREATE INDEX clippings_list ON clippings (date, headline, id, publication, source_name, imported_at)`,
		`CREATE TABLE tags (
	id          TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
	name        TEXT NOT NULL COLLATE NOCASE CHECK (trim(name) <> ''),
	kind        TEXT NOT NULL CHECK (kind IN ('claim', 'quote', 'figure', 'custom')),
	color       TEXT NOT NULL DEFAULT '' CHECK (color = '' OR color GLOB '#[0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f]'),
	description TEXT NOT NULL DEFAULT '',
	shortcut    TEXT NOT NULL DEFAULT '',
	builtin     INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),
	created_at  TEXT NOT NULL,
	updated_at  TEXT NOT NULL,
	deleted_at  TEXT
)`,
		`CREATE UNIQUE INDEX tags_name ON tags (name) WHERE deleted_at IS NULL`,
		`CREATE UNIQUE INDEX tags_shortcut ON tags (shortcut) WHERE deleted_at IS NULL AND shortcut <> ''`,
		`CREATE TABLE annotations (
	rid         INTEGER PRIMARY KEY,
	id          TEXT NOT NULL UNIQUE CHECK (length(id) = 36),
	clipping_id TEXT NOT NULL REFERENCES clippings (id),
	tag_id      TEXT NOT NULL REFERENCES tags (id),
	coder_id    TEXT NOT NULL REFERENCES coders (id),
	start       INTEGER NOT NULL CHECK (start >= 0),
	"end"       INTEGER NOT NULL CHECK ("end" > start),
	exact       TEXT NOT NULL CHECK (exact <> ''),
	prefix      TEXT NOT NULL DEFAULT '',
	suffix      TEXT NOT NULL DEFAULT '',
	body_hash   TEXT NOT NULL CHECK (length(body_hash) = 64),
	speaker     TEXT NOT NULL DEFAULT '',
	claimant    TEXT NOT NULL DEFAULT '',
	status      TEXT NOT NULL DEFAULT '' CHECK (status IN ('', 'unverified', 'true', 'false', 'misleading', 'unsupported')),
	value       REAL,
	low         REAL,
	high        REAL CHECK (low IS NULL OR high IS NULL OR low <= high),
	unit        TEXT NOT NULL DEFAULT '',
	comparator  TEXT NOT NULL DEFAULT '' CHECK (comparator IN ('', '~', '>', '<', '>=', '<=', 'range')),
	note        TEXT NOT NULL DEFAULT '',
	origin      TEXT NOT NULL DEFAULT '',
	anchor_status TEXT NOT NULL DEFAULT '' CHECK (anchor_status IN ('', 'remapped', 'fuzzy', 'orphan')),
	anchor_quote  TEXT NOT NULL DEFAULT '',
	created_at  TEXT NOT NULL,
	updated_at  TEXT NOT NULL,
	deleted_at  TEXT
)`,
		`CREATE INDEX annotations_clipping ON annotations (clipping_id, deleted_at, start, "end")`,
		`CREATE TABLE ops (
	seq        INTEGER PRIMARY KEY,
	id         TEXT NOT NULL CHECK (length(id) = 36),
	grp        TEXT NOT NULL,
	kind       TEXT NOT NULL CHECK (kind IN ('do', 'undo', 'redo')),
	reverts    TEXT NOT NULL DEFAULT '',
	coder_id   TEXT NOT NULL REFERENCES coders (id),
	entity     TEXT NOT NULL CHECK (entity IN ('annotation', 'tag')),
	entity_id  TEXT NOT NULL,
	action     TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete')),
	before     TEXT CHECK (before IS NULL OR json_valid(before)),
	after      TEXT CHECK (after IS NULL OR json_valid(after)),
	state      TEXT NOT NULL DEFAULT 'done' CHECK (state IN ('done', 'undone', 'discarded')),
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
)`,
		`CREATE INDEX ops_undone ON ops (coder_id, seq) WHERE state = 'undone' AND kind = 'do'`,
		`CREATE TABLE rejections (
	id          TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
	clipping_id TEXT NOT NULL REFERENCES clippings (id),
	coder_id    TEXT NOT NULL REFERENCES coders (id),
	kind        TEXT NOT NULL CHECK (kind <> ''),
	start       INTEGER NOT NULL CHECK (start >= 0),
	"end"       INTEGER NOT NULL CHECK ("end" > start),
	text        TEXT NOT NULL,
	created_at  TEXT NOT NULL,
	updated_at  TEXT NOT NULL,
	UNIQUE (clipping_id, kind, start, text)
)`,
		`CREATE TABLE replica (
	one        INTEGER PRIMARY KEY CHECK (one = 1),
	id         TEXT NOT NULL CHECK (length(id) = 36),
	created_at TEXT NOT NULL
)`,
		`CREATE TABLE peers (
	rid        INTEGER PRIMARY KEY,
	replica    TEXT NOT NULL UNIQUE CHECK (length(replica) = 36),
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
)`,
		`CREATE TABLE merge_base (
	peer       INTEGER NOT NULL REFERENCES peers (rid),
	annotation INTEGER NOT NULL REFERENCES annotations (rid),
	ours       INTEGER NOT NULL,
	theirs     INTEGER NOT NULL,
	PRIMARY KEY (peer, annotation)
) WITHOUT ROWID`,
		`CREATE TABLE merges (
	id         TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
	peer       INTEGER NOT NULL REFERENCES peers (rid),
	coder_id   TEXT REFERENCES coders (id),
	source     TEXT NOT NULL,
	report     TEXT NOT NULL CHECK (json_valid(report)),
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
)`,
		`CREATE TABLE conflicts (
	id            TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
	merge_id      TEXT NOT NULL REFERENCES merges (id),
	annotation_id TEXT NOT NULL REFERENCES annotations (id),
	ours          TEXT NOT NULL CHECK (json_valid(ours)),
	theirs        TEXT NOT NULL CHECK (json_valid(theirs)),
	theirs_hash   INTEGER NOT NULL,
	resolution    TEXT NOT NULL DEFAULT '' CHECK (resolution IN ('', 'ours', 'theirs')),
	resolved_by   TEXT REFERENCES coders (id),
	created_at    TEXT NOT NULL,
	updated_at    TEXT NOT NULL
)`,
		`CREATE INDEX conflicts_open ON conflicts (annotation_id) WHERE resolution = ''`,
		`CREATE VIRTUAL TABLE clip_fts USING fts4 (content="clippings", headline, body, matchinfo=fts3, tokenize=unicode61 "remove_diacritics=2")`,
		`CREATE VIRTUAL TABLE note_fts USING fts4 (content="annotations", note, matchinfo=fts3, tokenize=unicode61 "remove_diacritics=2")`,
	}
}

// migrateV1 creates the schema and the default tags of a new project.
func migrateV1(ctx context.Context, tx *sql.Tx) error {
	for _, q := range schemaV1() {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("create schema: %w", err)
		}
	}
	now := fmtTime(nowUTC())
	replica, err := newID()
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO replica (one, id, created_at) VALUES (1, ?, ?)`, replica, now); err != nil {
		return fmt.Errorf("name the replica: %w", err)
	}
	for _, t := range model.DefaultTags() {
		id, err := newID()
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO tags
			(id, name, kind, color, description, shortcut, builtin, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)`,
			id, t.Name, string(t.Kind), t.Color, t.Description, t.Shortcut, now, now); err != nil {
			return fmt.Errorf("add default tag %q: %w", t.Name, err)
		}
	}
	return nil
}

// schemaV2 gives clippings the article metadata that archive exports and
// web pages carry beyond the first schema: section, language, page, the
// stated length in words, the archive's document id (indexed: the same
// article downloaded twice is found by it) and the other labelled details
// as a JSON array of {"key","value"} objects.
func schemaV2() []string {
	return []string{
		`ALTER TABLE clippings ADD COLUMN section TEXT NOT NULL DEFAULT ''`,
		`ALTER TABLE clippings ADD COLUMN language TEXT NOT NULL DEFAULT '' CHECK (length(language) <= 35)`,
		`ALTER TABLE clippings ADD COLUMN page TEXT NOT NULL DEFAULT ''`,
		`ALTER TABLE clippings ADD COLUMN words INTEGER NOT NULL DEFAULT 0 CHECK (words >= 0)`,
		`ALTER TABLE clippings ADD COLUMN source_id TEXT NOT NULL DEFAULT ''`,
		`ALTER TABLE clippings ADD COLUMN details TEXT NOT NULL DEFAULT '[]' CHECK (json_type(details) = 'array')`,
		`CREATE INDEX clippings_source ON clippings (source_id) WHERE source_id <> ''`,
	}
}

// migrateV2 adds the article metadata columns of schemaV2.
func migrateV2(ctx context.Context, tx *sql.Tx) error {
	for _, q := range schemaV2() {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("add article metadata: %w", err)
		}
	}
	return nil
}

// schemaV3 indexes the live annotations by tag and by coder, each with
// its clipping and span: the library filters clippings by tag or coder,
// exports and Stats count per tag and coder, and deleting a tag finds its
// annotations, without reading every annotation of a big project. The
// indexes are partial (live annotations only), so a tombstone costs
// nothing in them.
func schemaV3() []string {
	return []string{
		`CREATE INDEX annotations_tag ON annotations (tag_id, clipping_id, start, "end") WHERE deleted_at IS NULL`,
		`CREATE INDEX annotations_coder ON annotations (coder_id, clipping_id, start, "end") WHERE deleted_at IS NULL`,
	}
}

// migrateV3 adds the indexes of schemaV3.
func migrateV3(ctx context.Context, tx *sql.Tx) error {
	for _, q := range schemaV3() {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("index annotations by tag and coder: %w", err)
		}
	}
	return nil
}

// defaultMigrations is the schema history of this version of Clipper:
// step i brings a file from version i-1 to version i.
func defaultMigrations() []migration {
	return []migration{
		{version: 1, name: "initial schema", up: migrateV1},
		{version: 2, name: "article metadata", up: migrateV2},
		{version: 3, name: "annotation filter indexes", up: migrateV3},
	}
}
