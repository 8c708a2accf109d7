package ingest

import (
	"context"
	"fmt"
	"runtime"
	"sync"

	"clipper/model"
	"clipper/model/store"
)

// FileResult is the outcome of importing one file. With Err set the file
// was not imported (it could not be read or parsed, or the transaction
// failed); otherwise ID is the clipping's id, which with Duplicate is the
// id of the clipping already holding the same text.
type FileResult struct {
	Path      string
	ID        string
	Headline  string
	Duplicate bool
	Warnings  []string
	Err       error
}

// ImportPaths imports files and folders (expanded as by Collect) into st.
// Every file is parsed; files that cannot be parsed get FileResult.Err and
// are skipped, and the rest are added with one st.AddClippings call, so in
// one transaction. Results follow the order of the expanded paths; a path
// that cannot be read is a result with Err. progress, if not nil, is
// called from the calling goroutine after each file is parsed, with the
// number parsed so far and the number of files. The error is non-nil only
// when ctx is cancelled (nothing is imported) or the transaction fails
// (nothing is imported; the results of the files it held carry the error
// too).
func ImportPaths(ctx context.Context, st *store.Store, paths []string, progress func(done, total int)) ([]FileResult, error) {
	var results []FileResult
	var files []int // indices into results of the files to parse
	seen := map[string]bool{}
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		found, err := collectPath(p)
		if err != nil {
			results = append(results, FileResult{Path: p, Err: err})
			continue
		}
		for _, f := range found {
			if !seen[f] {
				seen[f] = true
				results = append(results, FileResult{Path: f})
				files = append(files, len(results)-1)
			}
		}
	}

	clips, err := parseAll(ctx, results, files, progress)
	if err != nil {
		return nil, err
	}
	var good []*model.Clipping
	var at []int
	for i, c := range clips {
		if c != nil {
			good = append(good, c)
			at = append(at, i)
		}
	}
	if len(good) == 0 {
		return results, nil
	}
	added, err := st.AddClippings(ctx, good)
	if err != nil {
		err = fmt.Errorf("import %d clippings: %w", len(good), err)
		for _, i := range at {
			results[i].Err = err
		}
		return results, err
	}
	if len(added) != len(good) {
		return results, fmt.Errorf("import: the store returned %d results for %d clippings", len(added), len(good))
	}
	for k, i := range at {
		results[i].ID = added[k].ID
		results[i].Duplicate = added[k].Duplicate
		if added[k].Headline != "" {
			results[i].Headline = added[k].Headline
		}
	}
	return results, nil
}

// parseAll parses the files at results[files[k]] on a few goroutines,
// filling each result's Headline, Warnings and Err, and returns the
// clippings indexed like results (nil where there is none).
func parseAll(ctx context.Context, results []FileResult, files []int, progress func(done, total int)) ([]*model.Clipping, error) {
	clips := make([]*model.Clipping, len(results))
	total := len(files)
	if total == 0 {
		return clips, ctx.Err()
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := make(chan int)
	done := make(chan struct{})
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), total) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				c, warns, err := ParseFile(results[i].Path)
				results[i].Warnings, results[i].Err = warns, err
				if c != nil {
					clips[i] = c
					results[i].Headline = c.Headline
				}
				select {
				case done <- struct{}{}:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() {
		defer close(jobs)
		for _, i := range files {
			select {
			case jobs <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	var err error
	for n := 1; n <= total; n++ {
		select {
		case <-done:
			if progress != nil {
				progress(n, total)
			}
			continue
		case <-ctx.Done():
			err = ctx.Err()
		}
		break
	}
	cancel()
	wg.Wait()
	if err != nil {
		return nil, err
	}
	return clips, nil
}
