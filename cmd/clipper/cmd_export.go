package main

import (
	"fmt"

	"clipper/export"
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
	ctx := e.ctx
	st, err := e.openStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	d, err := export.Open(ctx, st, e.coderName())
	if err != nil {
		return err
	}
	d = d.Select(export.Filter{ClippingIDs: clippings, TagNames: tags, Coder: *onlyCoder})
	if f == export.XLSX { // the workbook's Agreement sheet, when two coders annotated a clipping
		if err := d.AttachAgreement(ctx); err != nil {
			return err
		}
	}
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
