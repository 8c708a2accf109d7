package store

import "database/sql"

// saveCache holds what consecutive annotation saves of one store would
// otherwise read again in every transaction: that the coder exists, that a
// tag is live, the clipping's text, that the coder's redo stack is empty
// and that the file's written-by record is this store's. It is valid while
// no other connection has committed (PRAGMA data_version of the pinned
// connection is unchanged) and this store has written nothing but
// annotation saves since (every other write drops it); a failed save drops
// it too.
type saveCache struct {
	conn    *sql.Conn // the pinned connection whose data_version it read
	version int64
	coders  map[string]bool // exist (coders are never deleted)
	tags    map[string]bool // live
	textOf  string          // the clipping whose text is text
	text    clippingText
	noRedo  map[string]bool // coders with no undone action
	stamped bool            // the written-by record names this store's version
}

// validSave gives w the store's save cache, after checking that no other
// connection has committed since it was filled; otherwise a new one.
func (s *Store) validSave(w *wtx) error {
	var v int64
	if err := w.QueryRowContext(w.ctx, "PRAGMA data_version").Scan(&v); err != nil {
		return err
	}
	if c := s.save; c == nil || c.conn != s.w || c.version != v {
		s.save = &saveCache{conn: s.w, version: v, coders: map[string]bool{}, tags: map[string]bool{}, noRedo: map[string]bool{}}
	}
	w.save = s.save
	return nil
}

// committed adds to the cache what w's committed transaction made true.
func (c *saveCache) committed(w *wtx) {
	if w.noRedo != "" {
		c.noRedo[w.noRedo] = true
	}
	if w.stamped {
		c.stamped = true
	}
}
