package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"

	"clipper/model/store"
)

// cmdInfo prints, as one JSON object, the project file's path and schema,
// whether it is open read-only, which Clipper versions created and last
// wrote it, and this Clipper's build information. It reads only.
func cmdInfo(e *env, args []string) error {
	fs := e.flags("info")
	if err := fs.Parse(args); err != nil || fs.NArg() != 0 {
		return errUsage
	}
	return e.withStore(func(ctx context.Context, st *store.Store) error {
		v, err := st.Versions(ctx)
		if err != nil {
			return err
		}
		ro, why := st.ReadOnly()
		return e.writeJSON(map[string]any{
			"path":             st.Path(),
			"schema":           st.SchemaVersion(),
			"read_only":        ro,
			"read_only_reason": why,
			"created_by":       v.CreatedBy,
			"written_by":       v.WrittenBy,
			"clipper":          currentBuild(),
		})
	})
}

// opensProject reports whether a lone argument that is not a command is a
// project to open in the app, as a desktop passes a double-clicked file:
// a name ending in .clip, or an existing regular file.
func opensProject(arg string) bool {
	if _, isCmd := commands()[arg]; isCmd || strings.HasPrefix(arg, "-") {
		return false
	}
	if strings.EqualFold(filepath.Ext(arg), ".clip") {
		return true
	}
	fi, err := os.Stat(arg)
	return err == nil && fi.Mode().IsRegular()
}
