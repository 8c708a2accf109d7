package main

import (
	"context"
	"fmt"

	"clipper/export"
	"clipper/model/store"
)

func cmdExport(e *env, args []string) error {
	fs := flagSetNoCoder(e, "export")
	format := fs.String("format", "", "xlsx, csv, csv-raw, json, qdpx or qdc")
	out := fs.String("o", "", "output file")
	var clippings, tags multiFlag
	fs.Var(&clippings, "clipping", "only this clipping (repeatable)")
	fs.Var(&tags, "tag", "only this tag (repeatable)")
	onlyCoder := fs.String("coder", "", "only this coder's annotations")
	if err := fs.Parse(args); err != nil || fs.NArg() != 0 || *format == "" || *out == "" {
		return errUsage
	}
	f, err := export.ParseFormat(*format)
	if err != nil {
		return err
	}
	ctx := context.Background()
	st, err := e.openStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	d, err := loadDataset(ctx, st, e.coderName())
	if err != nil {
		return err
	}
	d = d.Select(export.Filter{ClippingIDs: clippings, TagNames: tags, Coder: *onlyCoder})
	rep, err := export.WriteFile(ctx, *out, f, d, nil)
	if err != nil {
		return err
	}
	for _, w := range rep.Warnings {
		fmt.Fprintf(e.stderr, "clipper export: %s\n", w)
	}
	return e.writeJSON(map[string]any{"file": *out, "format": string(f), "clippings": rep.Clippings,
		"annotations": rep.Annotations, "truncated": rep.Truncated})
}

// loadDataset reads everything an export needs from the store.
func loadDataset(ctx context.Context, st *store.Store, creator string) (*export.Dataset, error) {
	cs, err := st.Clippings(ctx)
	if err != nil {
		return nil, fmt.Errorf("reading clippings: %w", err)
	}
	tags, err := st.Tags(ctx)
	if err != nil {
		return nil, fmt.Errorf("reading tags: %w", err)
	}
	coders, err := st.Coders(ctx)
	if err != nil {
		return nil, fmt.Errorf("reading coders: %w", err)
	}
	as, err := st.Annotations(ctx, store.AnnotationFilter{})
	if err != nil {
		return nil, fmt.Errorf("reading annotations: %w", err)
	}
	return &export.Dataset{
		ProjectPath: st.Path(), SchemaVersion: st.SchemaVersion(), Creator: creator,
		Clippings: cs, Tags: tags, Coders: coders, Annotations: as,
	}, nil
}
