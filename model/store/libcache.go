package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// The library list's index. Sorting 50,000 clippings in SQL costs a call
// of the natural collation per comparison, and a tag or coder filter an
// EXISTS per clipping; a filter change would take half a second. Instead
// the store reads the few columns the orders and filters need once per
// data version (libSnap), ranks headlines and publications in Go once,
// and filters and pages in memory; only the rows shown are read in SQL.
// Which clippings carry a tag or a coder's annotation, and how many live
// annotations each has, are read when first needed, from the partial
// indexes of schema 3 (or annotations_clipping), in one query each.
//
// The snapshot is valid while PRAGMA data_version of a connection the
// cache keeps for itself stays the same: every commit on another
// connection — the store's own writer, another window, another Clipper —
// changes it, so no write path needs to tell the cache anything.

// libCache is a Store's library index; the zero value is ready to use.
type libCache struct {
	mu   sync.Mutex
	conn *sql.Conn // pinned: its data_version tells that someone committed
	snap *libSnap
}

// libSnap is what the library list needs of every clipping, as of one
// data version. Its lazily filled parts are guarded by libCache.mu.
type libSnap struct {
	version  int64
	clips    []libClip
	byID     map[string]int32
	headRank map[string]int32 // headline → rank in natural order (equal ranks: equal headlines)
	pubRank  map[string]int32
	orders   map[LibraryOrder][]int32 // clipping positions, sorted
	counts   []int32                  // live annotations per clipping; nil until needed
	sets     map[string][]bool        // tag, coder, both, search → selected
	searches int                      // search sets kept
	last     struct {                 // the last filter's selection
		f    LibraryFilter
		list []int32
		ok   bool
	}
}

// libClip is one clipping's keys.
type libClip struct {
	rid                      int64
	id, head, pub, date      string
	headRank, pubRank, count int32
}

// maxSearchSets bounds the full-text selections a snapshot keeps.
const maxSearchSets = 8

// close releases the pinned connection; the store closes it before its
// pool.
func (c *libCache) close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.conn != nil {
		c.conn.Close()
		c.conn = nil
	}
	c.snap = nil
}

// current returns the snapshot of the data as it is now, reading it again
// when someone committed since it was read, together with the parts f
// needs (read meanwhile on other connections). The caller holds c.mu.
func (c *libCache) current(ctx context.Context, db *sql.DB, f LibraryFilter) (*libSnap, error) {
	if c.conn == nil {
		conn, err := db.Conn(ctx)
		if err != nil {
			return nil, fmt.Errorf("library index: %w", classify(err))
		}
		c.conn = conn
	}
	var v int64
	if err := c.conn.QueryRowContext(ctx, `PRAGMA data_version`).Scan(&v); err != nil {
		c.conn.Close() // a lost connection is replaced next time
		c.conn, c.snap = nil, nil
		return nil, fmt.Errorf("library index: %w", classify(err))
	}
	if c.snap != nil && c.snap.version == v {
		return c.snap, nil
	}
	// Read after the version: a commit meanwhile changes the version
	// again and the next call reads anew.
	type read struct {
		cols [][]string
		err  error
	}
	qs := f.queries()
	reads := make([]chan read, len(qs))
	for i, q := range qs {
		reads[i] = make(chan read, 1) // buffered: never blocks, even when unread
		go func() {
			cols, err := readPacked(ctx, db, q.from, q.args, q.cols...)
			reads[i] <- read{cols, err}
		}()
	}
	sn, err := readSnap(ctx, db, v, c.snap)
	if err != nil {
		return nil, fmt.Errorf("library index: %w", classify(err))
	}
	for i, q := range qs {
		if r := <-reads[i]; r.err == nil {
			if err := sn.install(q, r.cols); err != nil {
				return nil, fmt.Errorf("library index: %w", err)
			}
		} // else selection reads it again and reports the error
	}
	c.snap = sn
	return sn, nil
}

// readSnap reads every clipping's keys; prev's natural ranks are kept
// for reuse (see rankHeads).
func readSnap(ctx context.Context, db *sql.DB, version int64, prev *libSnap) (*libSnap, error) {
	cols, err := readPacked(ctx, db, `clippings`, nil, `rid`, `id`, `headline`, `publication`, `date`)
	if err != nil {
		return nil, err
	}
	n := len(cols[0])
	sn := &libSnap{version: version, byID: make(map[string]int32, n), clips: make([]libClip, n),
		orders: map[LibraryOrder][]int32{}, sets: map[string][]bool{}}
	for i := range n {
		rid, err := strconv.ParseInt(cols[0][i], 10, 64)
		if err != nil {
			return nil, fmt.Errorf("clipping rowid %q: %w", cols[0][i], err)
		}
		sn.clips[i] = libClip{rid: rid, id: cols[1][i], head: cols[2][i], pub: cols[3][i], date: cols[4][i], headRank: -1, pubRank: -1}
		sn.byID[cols[1][i]] = int32(i)
	}
	if prev != nil {
		sn.headRank, sn.pubRank = prev.headRank, prev.pubRank
	}
	return sn, nil
}

// rankHeads numbers headlines (pub: publications) in natural order, so
// that sorting compares numbers; the previous snapshot's ranks are reused
// when they cover every value.
func (sn *libSnap) rankHeads(pub bool) {
	key, rank := func(k *libClip) string { return k.head }, &sn.headRank
	if pub {
		key, rank = func(k *libClip) string { return k.pub }, &sn.pubRank
	}
	if len(sn.clips) > 0 && (pub && sn.clips[0].pubRank >= 0 || !pub && sn.clips[0].headRank >= 0) {
		return // ranked already
	}
	*rank = ranks(sn.clips, key, *rank)
	for i := range sn.clips {
		k := &sn.clips[i]
		if pub {
			k.pubRank = (*rank)[k.pub]
		} else {
			k.headRank = (*rank)[k.head]
		}
	}
}

// ranks numbers the distinct values of key in natural order (see
// collNatural); old is reused when it ranks every value.
func ranks(clips []libClip, key func(*libClip) string, old map[string]int32) map[string]int32 {
	if old != nil {
		all := true
		for i := range clips {
			if _, ok := old[key(&clips[i])]; !ok {
				all = false
				break
			}
		}
		if all {
			return old
		}
	}
	seen := make(map[string]struct{}, len(clips))
	vals := make([]string, 0, len(clips))
	for i := range clips {
		v := key(&clips[i])
		if _, ok := seen[v]; !ok {
			seen[v] = struct{}{}
			vals = append(vals, v)
		}
	}
	slices.SortFunc(vals, naturalCompare)
	r := make(map[string]int32, len(vals))
	for i, v := range vals {
		r[v] = int32(i) // naturalCompare is 0 only for equal strings
	}
	return r
}

// countsQuery reads every clipping's number of live annotations, in one
// pass over annotations_clipping.
var countsQuery = libQuery{key: "n", from: `(SELECT clipping_id, count(*) AS n FROM annotations
	WHERE deleted_at IS NULL GROUP BY clipping_id)`, cols: []string{`clipping_id`, `n`}}

// applyCounts sets every clipping's count from countsQuery's columns.
func (sn *libSnap) applyCounts(cols [][]string) error {
	counts := make([]int32, len(sn.clips))
	for j, id := range cols[0] {
		if i, ok := sn.byID[id]; ok {
			n, err := strconv.Atoi(cols[1][j])
			if err != nil {
				return fmt.Errorf("annotation count %q: %w", cols[1][j], err)
			}
			counts[i] = int32(n)
		}
	}
	for i := range sn.clips {
		sn.clips[i].count = counts[i]
	}
	sn.counts = counts
	return nil
}

// order returns the positions of every clipping sorted in o.
func (sn *libSnap) order(ctx context.Context, db *sql.DB, o LibraryOrder) ([]int32, error) {
	if p, ok := sn.orders[o]; ok {
		return p, nil
	}
	if o == OrderAnnotations {
		if err := sn.ensure(ctx, db, countsQuery); err != nil {
			return nil, err
		}
	}
	switch o {
	case OrderHeadline, OrderAnnotations: // headlines decide often
		sn.rankHeads(false)
	case OrderPublication:
		sn.rankHeads(true)
	}
	p := make([]int32, len(sn.clips))
	for i := range p {
		p[i] = int32(i)
	}
	slices.SortFunc(p, func(a, b int32) int { return compareClips(o, &sn.clips[a], &sn.clips[b]) })
	sn.orders[o] = p
	return p, nil
}

// compareClips orders a and b in o. Headlines and publications compare
// by their ranks when both have one (of one snapshot), otherwise by
// naturalCompare, which orders them the same way.
func compareClips(o LibraryOrder, a, b *libClip) int {
	var c int
	switch o {
	case OrderOldest:
		if c = cmpBool(a.date == "", b.date == ""); c == 0 {
			if c = strings.Compare(a.date, b.date); c == 0 {
				c = compareHeads(a, b)
			}
		}
	case OrderNewest: // '' is the least date: undated last
		if c = strings.Compare(b.date, a.date); c == 0 {
			c = compareHeads(a, b)
		}
	case OrderHeadline:
		c = compareHeads(a, b)
	case OrderPublication:
		if a.pubRank >= 0 && b.pubRank >= 0 {
			c = cmpInt(int(a.pubRank), int(b.pubRank))
		} else {
			c = naturalCompare(a.pub, b.pub)
		}
		if c == 0 {
			if c = cmpBool(a.date == "", b.date == ""); c == 0 {
				if c = strings.Compare(a.date, b.date); c == 0 {
					c = compareHeads(a, b)
				}
			}
		}
	case OrderAnnotations:
		if c = cmpInt(int(b.count), int(a.count)); c == 0 {
			c = compareHeads(a, b)
		}
	default: // OrderLibrary: bytes
		if c = strings.Compare(a.date, b.date); c == 0 {
			c = strings.Compare(a.head, b.head)
		}
	}
	if c != 0 {
		return c
	}
	return strings.Compare(a.id, b.id)
}

// compareHeads orders a's and b's headlines naturally.
func compareHeads(a, b *libClip) int {
	if a.headRank >= 0 && b.headRank >= 0 {
		return cmpInt(int(a.headRank), int(b.headRank))
	}
	return naturalCompare(a.head, b.head)
}

func cmpBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

// libQuery is a query for a part of a snapshot read when needed: the
// live-annotation counts (countsQuery) or the clippings a tag, coder or
// search selects (one column, clipping_id), under key.
type libQuery struct {
	key, from string
	args      []any
	cols      []string
}

// setQuery is the libQuery of the set key, clippings q selects.
func setQuery(key, q string, args ...any) libQuery {
	return libQuery{key: key, from: `(` + q + `)`, args: args, cols: []string{`clipping_id`}}
}

// queries are the parts of a snapshot f needs.
func (f LibraryFilter) queries() []libQuery {
	var qs []libQuery
	switch {
	case f.TagID != "" && f.CoderID != "":
		qs = append(qs, setQuery("tc:"+f.TagID+"\x00"+f.CoderID, `SELECT DISTINCT clipping_id FROM annotations
			WHERE tag_id = ? AND deleted_at IS NULL AND coder_id = ?`, f.TagID, f.CoderID))
	case f.TagID != "":
		qs = append(qs, setQuery("t:"+f.TagID, `SELECT DISTINCT clipping_id FROM annotations
			WHERE tag_id = ? AND deleted_at IS NULL`, f.TagID))
	case f.CoderID != "":
		qs = append(qs, setQuery("c:"+f.CoderID, `SELECT DISTINCT clipping_id FROM annotations
			WHERE coder_id = ? AND deleted_at IS NULL`, f.CoderID))
	}
	if strings.TrimSpace(f.Search) != "" {
		if fq, err := ftsQuery(f.Search); err == nil && fq != "" {
			qs = append(qs, setQuery("s:"+fq, `SELECT c.id AS clipping_id FROM clippings c
				WHERE c.rid IN (SELECT docid FROM clip_fts WHERE clip_fts MATCH ?)
				UNION SELECT a.clipping_id FROM note_fts JOIN annotations a ON a.rid = note_fts.docid
				WHERE note_fts MATCH ? AND a.deleted_at IS NULL`, fq, fq))
		}
	}
	if f.Order == OrderAnnotations {
		qs = append(qs, countsQuery)
	}
	return qs
}

// has reports whether the part q reads is there.
func (sn *libSnap) has(q libQuery) bool {
	if q.key == countsQuery.key {
		return sn.counts != nil
	}
	_, ok := sn.sets[q.key]
	return ok
}

// ensure reads the part q when it is not there.
func (sn *libSnap) ensure(ctx context.Context, db *sql.DB, q libQuery) error {
	if sn.has(q) {
		return nil
	}
	cols, err := readPacked(ctx, db, q.from, q.args, q.cols...)
	if err != nil {
		return err
	}
	return sn.install(q, cols)
}

// install keeps the columns q read.
func (sn *libSnap) install(q libQuery, cols [][]string) error {
	if q.key == countsQuery.key {
		return sn.applyCounts(cols)
	}
	if strings.HasPrefix(q.key, "s:") {
		if sn.searches >= maxSearchSets {
			for k := range sn.sets {
				if strings.HasPrefix(k, "s:") {
					delete(sn.sets, k)
				}
			}
			sn.searches = 0
		}
		sn.searches++
	}
	s := make([]bool, len(sn.clips))
	for _, id := range cols[0] {
		if i, ok := sn.byID[id]; ok {
			s[i] = true
		}
	}
	sn.sets[q.key] = s
	return nil
}

// selection returns the positions of the clippings f selects, in f.Order.
func (sn *libSnap) selection(ctx context.Context, db *sql.DB, f LibraryFilter) ([]int32, error) {
	if sn.last.ok && sn.last.f == f {
		return sn.last.list, nil
	}
	if _, _, err := f.where(); err != nil { // validates dates and the search
		return nil, err
	}
	var keeps [][]bool
	for _, q := range f.queries() {
		if err := sn.ensure(ctx, db, q); err != nil {
			return nil, err
		}
		if q.key != countsQuery.key {
			keeps = append(keeps, sn.sets[q.key])
		}
	}
	perm, err := sn.order(ctx, db, f.Order)
	if err != nil {
		return nil, err
	}
	list := make([]int32, 0, len(perm))
next:
	for _, i := range perm {
		k := &sn.clips[i]
		if f.Publication != "" && k.pub != f.Publication {
			continue
		}
		if (f.DateFrom != "" || f.DateTo != "") && k.date == "" ||
			f.DateFrom != "" && k.date < f.DateFrom || f.DateTo != "" && k.date > f.DateTo {
			continue
		}
		for _, s := range keeps {
			if !s[i] {
				continue next
			}
		}
		list = append(list, i)
	}
	sn.last.f, sn.last.list, sn.last.ok = f, list, true
	return list, nil
}

// librarySelection runs fn on the current snapshot and the selection of f.
func (s *Store) librarySelection(ctx context.Context, f LibraryFilter, fn func(sn *libSnap, list []int32) error) error {
	s.lib.mu.Lock()
	defer s.lib.mu.Unlock()
	sn, err := s.lib.current(ctx, s.db, f)
	if err != nil {
		return err
	}
	list, err := sn.selection(ctx, s.db, f)
	if err != nil {
		return classify(err)
	}
	return fn(sn, list)
}
