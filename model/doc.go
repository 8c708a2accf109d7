// Package model holds Clipper's domain: clippings, tags, coders and the
// annotations that tie a span of a clipping's body to a tag. It never
// imports Fyne; the SQLite project file lives in model/store and the
// importers in model/ingest.
package model
