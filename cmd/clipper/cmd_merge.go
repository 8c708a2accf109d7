package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"

	"clipper/model/store"
)

// cmdMerge merges a colleague's project file into the project, prints the
// report as JSON on stdout and a one-line summary on stderr.
func cmdMerge(e *env, args []string) error {
	fs := e.flags("merge")
	dry := fs.Bool("dry-run", false, "report what the merge would do and change nothing")
	keepBoth := fs.Bool("keep-both-tags", false, `keep an incoming tag apart from a same-named one here, as "name (2)"`)
	files, err := parseInterspersed(fs, args)
	if err != nil || len(files) != 1 {
		return errUsage
	}
	return e.withStore(func(ctx context.Context, st *store.Store) error {
		opt := store.MergeOptions{DryRun: *dry, KeepBothTags: *keepBoth}
		if !*dry { // a dry run writes nothing, not even the coder
			c, err := e.currentCoder(ctx, st)
			if err != nil {
				return err
			}
			opt.CoderID = c.ID
		}
		rep, err := st.Merge(ctx, files[0], opt)
		if err != nil {
			return err
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
