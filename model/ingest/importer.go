package ingest

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"

	"clipper/model"
	"clipper/model/store"
)

// Why an article was not added again.
const (
	DupSameText = "same text"        // its normalised body is already in the project
	DupSameID   = "same document id" // the archive's document id (with the same publication) is
)

// FileReport is the outcome of importing one file: the format recognised,
// what the file announced and what was found, one ArticleReport per
// article, the warnings and what was left out on purpose. A file skipped
// as a sidecar (Skipped) or that could not be read, split or written
// (Err) has no articles.
type FileReport struct {
	Path      string
	Format    string // "text", "web page", "Word document", "Markdown", "e-mail", "Nexis Uni DOCX", "ProQuest TXT"…
	Archive   bool   // a database export split into articles
	Announced int    // articles the file says it holds; 0 when it does not say
	Articles  []ArticleReport
	Warnings  []string // one sentence each ("found 99 of 100 articles", "article 37: the document has no text")
	LeftOut   []string // what was kept out of the bodies on purpose ("cover page", "49 LOAD-DATE trailers …")
	Skipped   string   // why a file found in a folder was not imported ("a metadata sidecar (.json)")
	Err       error
}

// ArticleReport is what became of one article. ID is the clipping: the
// new one, or with Duplicate the one already holding the article. With
// Problem set the article was not imported (no text, an archive's error
// placeholder).
type ArticleReport struct {
	N           int // position as the file numbers it
	ID          string
	Headline    string
	Publication string
	Date        string
	SourceID    string
	Duplicate   string // "", DupSameText or DupSameID
	Problem     string
}

// Counts returns how many articles were added, found already in the
// project, and not imported because of a problem.
func (r FileReport) Counts() (added, duplicates, problems int) {
	for _, a := range r.Articles {
		switch {
		case a.Problem != "":
			problems++
		case a.Duplicate != "":
			duplicates++
		case a.ID != "":
			added++
		}
	}
	return added, duplicates, problems
}

// Summary is the report in one sentence, for a list of files: "Nexis Uni
// DOCX: 50 articles (50 announced): 48 added, 2 already in the project".
func (r FileReport) Summary() string {
	switch {
	case r.Err != nil:
		return "not imported: " + r.Err.Error()
	case r.Skipped != "":
		return "skipped: " + r.Skipped
	}
	added, dups, probs := r.Counts()
	var b strings.Builder
	b.WriteString(r.Format)
	if r.Archive {
		b.WriteString(": " + plural(len(r.Articles), "article"))
		if r.Announced > 0 {
			fmt.Fprintf(&b, " (%d announced)", r.Announced)
		}
	}
	var parts []string
	if added > 0 || dups+probs == 0 {
		parts = append(parts, fmt.Sprintf("%d added", added))
	}
	if dups > 0 {
		parts = append(parts, fmt.Sprintf("%d already in the project", dups))
	}
	if probs > 0 {
		parts = append(parts, fmt.Sprintf("%d not imported", probs))
	}
	b.WriteString(": " + strings.Join(parts, ", "))
	return b.String()
}

// plural writes "1 article", "2 articles".
func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// Progress is reported after each file is read.
type Progress struct {
	Path      string // the file just read
	FilesDone int    // files read so far, this one included
	Files     int    // files to read
	Articles  int    // articles found so far
}

// batchLimits bound one write transaction: files are gathered until one
// of them is reached, and a file is never split across transactions.
type batchLimits struct {
	articles, bytes, files int
}

// defaultBatch keeps a transaction's clippings to about 32 MiB, and few
// enough that a commit holds the project's write lock for about a second.
var defaultBatch = batchLimits{articles: 2000, bytes: 32 << 20, files: 1000}

// ImportPaths imports files and folders (folders expanded as by Collect;
// sidecar files found in them are reported as Skipped) into st. Files are
// parsed a few at a time, ahead of the writer, and written in the order
// of the expanded paths in transactions of whole files holding at most
// about 2,000 articles or 32 MiB, so memory holds a bounded number of
// articles whatever the size of the batch. A file that cannot
// be read or split is reported with Err and the rest go ahead; an article
// with a problem is reported and the others of its file imported.
// Duplicates are not added again: an article whose normalised body is
// already in the project or earlier in the import (DupSameText), or whose
// archive document id is, with the same publication (DupSameID).
//
// progress, if not nil, is called from the calling goroutine after each
// file is read. When ctx is cancelled, ImportPaths returns the reports of
// the files whose transaction was committed, and ctx's error: those stay
// imported, files in the open transaction are rolled back whole, later
// files are not read. A failed write stops the import the same way, the
// files of the failed transaction carrying the error.
func ImportPaths(ctx context.Context, st *store.Store, paths []string, progress func(Progress)) ([]FileReport, error) {
	return importPaths(ctx, st, paths, progress, defaultBatch)
}

func importPaths(ctx context.Context, st *store.Store, paths []string, progress func(Progress), limits batchLimits) ([]FileReport, error) {
	var reports []FileReport
	var todo []int // indices into reports of the files to parse
	seen := map[string]bool{}
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		found, err := collectEntries(p)
		if err != nil {
			reports = append(reports, FileReport{Path: p, Err: err})
			continue
		}
		for _, f := range found {
			if seen[f.path] {
				continue
			}
			seen[f.path] = true
			reports = append(reports, FileReport{Path: f.path, Skipped: f.skip})
			if f.skip == "" {
				todo = append(todo, len(reports)-1)
			}
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	w := &writer{st: st, progress: progress, files: len(todo), reports: reports, limits: limits}
	err := parsePipelined(ctx, reports, todo, w.add)
	if err == nil {
		err = w.flush(ctx)
	}
	if err != nil {
		return reports[:w.upto], err
	}
	return reports, nil
}

// writer gathers parsed files into transactions.
type writer struct {
	st       *store.Store
	progress func(Progress)
	reports  []FileReport
	files    int
	read     int
	articles int
	upto     int // reports[:upto] are final: written, or failed and reported
	limits   batchLimits
	batch    []pending
	nArts    int
	nBytes   int
}

// pending is a parsed file waiting for its transaction.
type pending struct {
	idx int
	p   *Parsed
}

// add takes the next file in order, and writes the batch when it is full.
func (w *writer) add(ctx context.Context, idx int, p *Parsed, perr error) error {
	r := &w.reports[idx]
	if perr != nil {
		r.Err = perr
	} else {
		fillReport(r, p)
		for _, c := range p.Clippings() {
			w.nArts++
			w.nBytes += len(c.Body) + len(c.Original)
		}
	}
	w.batch = append(w.batch, pending{idx: idx, p: p})
	w.read++
	w.articles += len(r.Articles)
	if w.progress != nil {
		w.progress(Progress{Path: r.Path, FilesDone: w.read, Files: w.files, Articles: w.articles})
	}
	if w.nArts >= w.limits.articles || w.nBytes >= w.limits.bytes || len(w.batch) >= w.limits.files {
		return w.flush(ctx)
	}
	return nil
}

// flush writes the gathered files in one transaction.
func (w *writer) flush(ctx context.Context) error {
	if len(w.batch) == 0 {
		return nil
	}
	batch := w.batch
	w.batch, w.nArts, w.nBytes = nil, 0, 0
	last := batch[len(batch)-1].idx
	if err := w.store(ctx, batch); err != nil {
		for _, b := range batch {
			r := &w.reports[b.idx]
			if r.Err != nil {
				continue
			}
			for i := range r.Articles {
				r.Articles[i].ID, r.Articles[i].Duplicate = "", ""
			}
			if cerr := ctx.Err(); cerr != nil {
				r.Err = fmt.Errorf("cancelled while writing; nothing of this file was imported: %w", cerr)
			} else {
				r.Err = fmt.Errorf("not imported: %w", err)
			}
		}
		w.upto = last + 1
		if cerr := ctx.Err(); cerr != nil {
			return cerr
		}
		return fmt.Errorf("import stopped at %s: %w", baseName(w.reports[batch[0].idx].Path), err)
	}
	w.upto = last + 1
	return nil
}

// fillReport copies what was parsed into the report.
func fillReport(r *FileReport, p *Parsed) {
	r.Format, r.Archive, r.Announced = p.Format, p.Archive, p.Announced
	r.Warnings, r.LeftOut = p.Warnings, p.LeftOut
	r.Articles = make([]ArticleReport, len(p.Articles))
	for i, a := range p.Articles {
		ar := ArticleReport{N: a.N, Problem: a.Problem}
		if c := a.Clipping; c != nil {
			ar.Headline, ar.Publication, ar.Date, ar.SourceID = c.Headline, c.Publication, c.Date, c.SourceID
		}
		r.Articles[i] = ar
	}
}

// store writes the batch's clippings in one transaction, leaving out
// those whose document id is already in the project or earlier in the
// batch.
func (w *writer) store(ctx context.Context, batch []pending) error {
	type ref struct{ file, art int } // batch index, article index
	var ids []string
	for _, b := range batch {
		if b.p == nil {
			continue
		}
		for _, c := range b.p.Clippings() {
			if c.SourceID != "" {
				ids = append(ids, c.SourceID)
			}
		}
	}
	known, err := w.st.ClippingsBySourceID(ctx, ids)
	if err != nil {
		return err
	}
	var add []*model.Clipping
	var at []ref                // add[k] is at[k]
	firstOf := map[string]int{} // document id → k of its first article in add
	dupOf := map[ref]int{}      // an article → k of the article it repeats
	for fi, b := range batch {
		if b.p == nil {
			continue
		}
		r := &w.reports[b.idx]
		for i, a := range b.p.Articles {
			c := a.Clipping
			if c == nil {
				continue
			}
			if c.SourceID != "" {
				if m, ok := sameDocument(known[c.SourceID], c); ok {
					r.Articles[i].ID, r.Articles[i].Duplicate = m.ID, DupSameID
					continue
				}
				if k, ok := firstOf[c.SourceID]; ok && samePublication(add[k].Publication, c.Publication) {
					dupOf[ref{fi, i}] = k
					continue
				}
				firstOf[c.SourceID] = len(add)
			}
			add = append(add, c)
			at = append(at, ref{fi, i})
		}
	}
	if len(add) == 0 {
		return nil
	}
	res, err := w.st.AddClippings(ctx, add)
	if err != nil {
		return fmt.Errorf("writing %d clippings: %w", len(add), err)
	}
	if len(res) != len(add) {
		return fmt.Errorf("the store returned %d results for %d clippings", len(res), len(add))
	}
	for k, x := range at {
		a := &w.reports[batch[x.file].idx].Articles[x.art]
		a.ID = res[k].ID
		if res[k].Duplicate {
			a.Duplicate = DupSameText
		}
	}
	for x, k := range dupOf {
		a := &w.reports[batch[x.file].idx].Articles[x.art]
		a.ID, a.Duplicate = res[k].ID, DupSameID
	}
	return nil
}

// sameDocument finds among clippings with c's document id one from the
// same publication (or without one): the same article.
func sameDocument(ms []store.SourceMatch, c *model.Clipping) (store.SourceMatch, bool) {
	for _, m := range ms {
		if samePublication(m.Publication, c.Publication) {
			return m, true
		}
	}
	return store.SourceMatch{}, false
}

func samePublication(a, b string) bool {
	return a == "" || b == "" || strings.EqualFold(strings.TrimSpace(a), strings.TrimSpace(b))
}

// parsedFile is one file's parse result on its way to the writer.
type parsedFile struct {
	p   *Parsed
	err error
}

// parsePipelined parses reports[todo[k]] on a few goroutines and hands
// each file, in order, to write on the calling goroutine. At most a few
// files are parsed ahead of the writer, which bounds memory. It returns
// ctx's error when cancelled and write's first error.
func parsePipelined(ctx context.Context, reports []FileReport, todo []int,
	write func(ctx context.Context, idx int, p *Parsed, err error) error) error {
	if len(todo) == 0 {
		return nil
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	workers := min(runtime.GOMAXPROCS(0), len(todo))
	slots := make(chan struct{}, workers+1) // files parsed but not yet written
	results := make([]chan parsedFile, len(todo))
	for i := range results {
		results[i] = make(chan parsedFile, 1)
	}
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range jobs {
				p, err := ParseFileArticles(ctx, reports[todo[k]].Path)
				results[k] <- parsedFile{p, err}
			}
		}()
	}
	go func() {
		defer close(jobs)
		for k := range todo {
			select {
			case slots <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- k:
			case <-ctx.Done():
				return
			}
		}
	}()
	var err error
	for k, i := range todo {
		var pf parsedFile
		select {
		case pf = <-results[k]:
		case <-ctx.Done():
			err = ctx.Err()
		}
		if err != nil {
			break
		}
		if cerr := ctx.Err(); cerr != nil || pf.err != nil && errors.Is(pf.err, context.Canceled) {
			err = ctx.Err()
			if err == nil {
				err = context.Canceled
			}
			break
		}
		if werr := write(ctx, i, pf.p, pf.err); werr != nil {
			err = werr
			break
		}
		<-slots
	}
	cancel()
	wg.Wait()
	return err
}
