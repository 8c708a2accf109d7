package main

import (
	"context"
	"fmt"
	"strings"

	"clipper/model"
	"clipper/model/ingest"
	"clipper/model/store"
)

// parsedJSON is the output of `clipper parse`: the metadata (with its JSON
// names) and the normalised body.
type parsedJSON struct {
	model.Metadata
	Body string `json:"body"`
}

func newParsedJSON(c *model.Clipping) parsedJSON {
	p := parsedJSON{Metadata: c.Metadata, Body: c.Body}
	if p.Authors == nil {
		p.Authors = []string{}
	}
	if p.Captions == nil {
		p.Captions = []model.Caption{}
	}
	return p
}

// parseFile reads and parses one file without touching a project; the
// importer's warnings (such as a converted encoding) go to stderr.
func parseFile(path string, e *env) (*model.Clipping, error) {
	c, warnings, err := ingest.ParseFile(path)
	if err != nil {
		return nil, err
	}
	for _, w := range warnings {
		fmt.Fprintf(e.stderr, "clipper: %s: %s\n", path, w)
	}
	return c, nil
}

func cmdParse(e *env, args []string) error {
	fs := e.flags("parse")
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	if fs.NArg() != 1 {
		return errUsage
	}
	c, err := parseFile(fs.Arg(0), e)
	if err != nil {
		return err
	}
	return e.writeJSON(newParsedJSON(c))
}

// importJSON is one line of `clipper import` output.
type importJSON struct {
	Path      string   `json:"path"`
	ID        string   `json:"id,omitempty"`
	Headline  string   `json:"headline,omitempty"`
	Duplicate bool     `json:"duplicate,omitempty"`
	Warnings  []string `json:"warnings,omitempty"`
	Error     string   `json:"error,omitempty"`
}

func cmdImport(e *env, args []string) error {
	fs := e.flags("import")
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	if fs.NArg() == 0 {
		return errUsage
	}
	return e.withStore(func(ctx context.Context, st *store.Store) error {
		results, err := ingest.ImportPaths(ctx, st, fs.Args(), nil)
		if err != nil {
			return err
		}
		var added, dups, failed int
		for _, r := range results {
			out := importJSON{Path: r.Path, ID: r.ID, Headline: r.Headline, Duplicate: r.Duplicate, Warnings: r.Warnings}
			switch {
			case r.Err != nil:
				out.Error = r.Err.Error()
				failed++
				fmt.Fprintf(e.stderr, "clipper import: %v\n", r.Err)
			case r.Duplicate:
				dups++
			default:
				added++
			}
			if err := e.writeJSON(out); err != nil {
				return err
			}
		}
		fmt.Fprintf(e.stderr, "clipper import: %d added, %d already in the project, %d failed\n", added, dups, failed)
		if failed > 0 {
			return exitError{code: 1, msg: fmt.Sprintf("%d of %d files could not be imported", failed, len(results))}
		}
		return nil
	})
}

// listJSON is one line of `clipper list`.
type listJSON struct {
	ID          string `json:"id"`
	Date        string `json:"date"`
	Publication string `json:"publication"`
	Headline    string `json:"headline"`
	Annotations int    `json:"annotations"`
}

func cmdList(e *env, args []string) error {
	fs := e.flags("list")
	if err := fs.Parse(args); err != nil || fs.NArg() != 0 {
		return errUsage
	}
	return e.withStore(func(ctx context.Context, st *store.Store) error {
		items, err := st.ClippingSummaries(ctx)
		if err != nil {
			return err
		}
		for _, it := range items {
			if err := e.writeJSON(listJSON{ID: it.ID, Date: it.Date, Publication: it.Publication, Headline: it.Headline, Annotations: it.Annotations}); err != nil {
				return err
			}
		}
		return nil
	})
}

// searchJSON is one line of `clipper search`.
type searchJSON struct {
	ClippingID   string `json:"clipping_id"`
	Headline     string `json:"headline"`
	Snippet      string `json:"snippet"`
	AnnotationID string `json:"annotation_id,omitempty"`
}

func cmdSearch(e *env, args []string) error {
	fs := e.flags("search")
	limit := fs.Int("limit", 50, "at most this many results")
	if err := fs.Parse(args); err != nil || fs.NArg() == 0 {
		return errUsage
	}
	return e.withStore(func(ctx context.Context, st *store.Store) error {
		query := strings.Join(fs.Args(), " ")
		hits, err := st.Search(ctx, query, *limit)
		if err != nil {
			return err
		}
		for _, h := range hits {
			if err := e.writeJSON(searchJSON{ClippingID: h.ClippingID, Headline: h.Headline, Snippet: h.Snippet, AnnotationID: h.AnnotationID}); err != nil {
				return err
			}
		}
		return nil
	})
}

func cmdStats(e *env, args []string) error {
	fs := e.flags("stats")
	if err := fs.Parse(args); err != nil || fs.NArg() != 0 {
		return errUsage
	}
	return e.withStore(func(ctx context.Context, st *store.Store) error {
		s, err := st.Stats(ctx)
		if err != nil {
			return err
		}
		return e.writeJSON(map[string]any{
			"clippings":   s.Clippings,
			"annotations": s.Annotations,
			"by_tag":      s.ByTag,
			"by_coder":    s.ByCoder,
			"by_clipping": s.ByClipping,
		})
	})
}
