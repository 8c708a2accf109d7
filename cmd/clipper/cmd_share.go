package main

import (
	"context"
	"fmt"
	"os"

	"clipper/model/store"
)

// cmdShare writes a clean copy of the project for a colleague and prints
// {"file", "bytes"}.
func cmdShare(e *env, args []string) error {
	fs := flagSetNoCoder(e, "share")
	out := fs.String("o", "", "the copy to write (must not exist)")
	noOrig := fs.Bool("without-originals", false, "leave out the original bytes of imported files (smaller copy)")
	if err := fs.Parse(args); err != nil || fs.NArg() != 0 || *out == "" {
		return errUsage
	}
	return e.withStore(func(ctx context.Context, st *store.Store) error {
		if err := st.Share(ctx, *out, store.ShareOptions{WithoutOriginals: *noOrig}); err != nil {
			return err
		}
		fi, err := os.Stat(*out)
		if err != nil {
			return fmt.Errorf("shared copy: %w", err)
		}
		return e.writeJSON(map[string]any{"file": *out, "bytes": fi.Size()})
	})
}
