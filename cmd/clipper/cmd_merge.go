package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"

	"clipper/model/store"
)

// cmdMerge merges a colleague's project file into the project, prints the
// report as JSON on stdout and a one-line summary on stderr. The report
// counts what the merge did and lists the clippings, tags and coders it
// added or matched, the conflicts and the refused rows; the annotations
// it added, updated, deleted or re-anchored are listed only with
// --verbose (in the report) or --report FILE (one JSON object per line, as
// decided), so that merging a million annotations prints a summary, not a
// million ids.
func cmdMerge(e *env, args []string) error {
	fs := e.flags("merge")
	dry := fs.Bool("dry-run", false, "report what the merge would do and change nothing")
	keepBoth := fs.Bool("keep-both-tags", false, `keep an incoming tag apart from a same-named one here, as "name (2)"`)
	verbose := fs.Bool("verbose", false, "list every annotation added, updated, deleted or re-anchored in the report")
	reportPath := fs.String("report", "", "write every annotation and refused row decided about to this file, one JSON object per line")
	files, err := parseInterspersed(fs, args)
	if err != nil || len(files) != 1 {
		return errUsage
	}
	return e.withStore(func(ctx context.Context, st *store.Store) error {
		opt := store.MergeOptions{DryRun: *dry, KeepBothTags: *keepBoth, CountsOnly: !*verbose}
		if !*dry { // a dry run writes nothing, not even the coder
			c, err := e.currentCoder(ctx, st)
			if err != nil {
				return err
			}
			opt.CoderID = c.ID
		}
		var items *itemFile
		if *reportPath != "" {
			var err error
			if items, err = createItemFile(*reportPath, st.Path()); err != nil {
				return err
			}
			defer items.close()
			opt.OnItem = items.write
		}
		rep, err := st.Merge(ctx, files[0], opt)
		if err != nil {
			return err
		}
		if items != nil {
			if err := items.close(); err != nil {
				return err
			}
		}
		enc := json.NewEncoder(e.stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rep); err != nil {
			return fmt.Errorf("writing output: %w", err)
		}
		fmt.Fprintf(e.stderr, "clipper merge: %s\n", rep.Summary())
		if v := rep.PeerVersions.WrittenBy; v != "" {
			fmt.Fprintf(e.stderr, "clipper merge: %s was last written by Clipper %s\n", rep.Source, v)
		}
		return nil
	})
}

// itemFile is the --report file of a merge: one JSON object per line.
type itemFile struct {
	path string
	f    *os.File
	w    *bufio.Writer
	enc  *json.Encoder
	err  error
}

// createItemFile creates path for a merge's items; it never writes over
// the project (or any other Clipper project).
func createItemFile(path, project string) (*itemFile, error) {
	if fi, err := os.Stat(path); err == nil {
		if pfi, perr := os.Stat(project); perr == nil && os.SameFile(fi, pfi) {
			return nil, fmt.Errorf("refusing to write the merge report over the open project %s", path)
		}
		if ok, err := store.IsProject(path); err != nil || ok {
			return nil, fmt.Errorf("refusing to write the merge report over the Clipper project %s", path)
		}
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("merge report: %w", err)
	}
	w := bufio.NewWriterSize(f, 64<<10)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return &itemFile{path: path, f: f, w: w, enc: enc}, nil
}

// write adds one item; the first error is kept for close.
func (r *itemFile) write(it store.MergeItem) {
	if r.err == nil {
		r.err = r.enc.Encode(it)
	}
}

// close flushes and closes the file (once) and reports the first error.
func (r *itemFile) close() error {
	if r.f == nil {
		return r.err
	}
	if err := r.w.Flush(); r.err == nil {
		r.err = err
	}
	if err := r.f.Close(); r.err == nil {
		r.err = err
	}
	r.f = nil
	if r.err != nil {
		return fmt.Errorf("merge report %s: %w", r.path, r.err)
	}
	return nil
}

// parseInterspersed parses flags that may come before or after the
// positional arguments ("merge FILE --dry-run") and returns the latter.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return pos, nil
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
}
