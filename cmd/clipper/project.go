package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"

	"clipper/assets"
	"clipper/model/ingest"
	"clipper/model/store"
)

// defaultProjectPath is where the project lives when no --db is given:
// $XDG_DATA_HOME/clipper (or ~/.local/share/clipper) on Linux, the
// Application Support folder on macOS and %AppData% on Windows.
func defaultProjectPath() (string, error) {
	dir, err := dataDir()
	if err != nil {
		return "", fmt.Errorf("finding the default project folder: %w", err)
	}
	return filepath.Join(dir, "Clipper", "default.clip"), nil
}

func dataDir() (string, error) {
	switch runtime.GOOS {
	case "windows", "darwin":
		return os.UserConfigDir()
	}
	if d := os.Getenv("XDG_DATA_HOME"); d != "" {
		return d, nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(home, ".local", "share"), nil
}

// openDefaultProject opens the default project, creating it with the
// bundled sample clipping on first use.
func openDefaultProject(ctx context.Context, path string, opt store.OpenOptions) (*store.Store, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, fmt.Errorf("creating the default project folder: %w", err)
	}
	fi, err := os.Stat(path)
	if err == nil && fi.Size() > 0 {
		opt.Create = false
		return store.OpenWith(ctx, path, opt)
	}
	opt.Create = true
	st, err := store.OpenWith(ctx, path, opt)
	if err != nil {
		return nil, err
	}
	if err := addSample(ctx, st); err != nil {
		st.Close()
		return nil, err
	}
	return st, nil
}

// addSample imports the bundled sample clipping into st.
func addSample(ctx context.Context, st *store.Store) error {
	c, _, err := ingest.Parse(assets.SampleClippingName, assets.SampleClipping)
	if err != nil {
		return fmt.Errorf("reading the sample clipping: %w", err)
	}
	if _, err := st.AddClipping(ctx, c); err != nil {
		return fmt.Errorf("adding the sample clipping: %w", err)
	}
	return nil
}
