package main

import (
	"context"
	"fmt"
	"strings"

	"clipper/model"
	"clipper/model/ingest"
	"clipper/model/store"
)

// parsedJSON is the output of `clipper parse` for one article: the
// metadata (with its JSON names, source_id, section, language, words and
// page included) and the normalised body; n is the article's position in
// an export.
type parsedJSON struct {
	N int `json:"n,omitempty"`
	model.Metadata
	Body string `json:"body"`
}

// problemJSON stands for an article of an export that could not be read.
type problemJSON struct {
	N       int    `json:"n"`
	Problem string `json:"problem"`
}

func newParsedJSON(c *model.Clipping) parsedJSON {
	p := parsedJSON{Metadata: c.Metadata, Body: c.Body}
	if p.Authors == nil {
		p.Authors = []string{}
	}
	if p.Captions == nil {
		p.Captions = []model.Caption{}
	}
	if p.Details == nil {
		p.Details = []model.Field{}
	}
	return p
}

// parseFile reads and parses one single-article file without touching a
// project; the importer's warnings (such as a converted encoding) go to
// stderr.
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

// cmdParse prints a one-article file as one JSON object, and a file that
// holds several articles (a news database's export) as a JSON array with
// one object per article, in file order.
func cmdParse(e *env, args []string) error {
	fs := e.flags("parse")
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	if fs.NArg() != 1 {
		return errUsage
	}
	path := fs.Arg(0)
	p, err := ingest.ParseFileArticles(context.Background(), path)
	if err != nil {
		return err
	}
	if p.Archive {
		fmt.Fprintf(e.stderr, "clipper: %s: %s, %s\n", path, p.Format, foundAnnounced(len(p.Articles), p.Announced))
	}
	for _, w := range p.Warnings {
		fmt.Fprintf(e.stderr, "clipper: %s: %s\n", path, w)
	}
	if len(p.Articles) == 1 && p.Articles[0].Clipping != nil {
		return e.writeJSON(newParsedJSON(p.Articles[0].Clipping))
	}
	out := make([]any, len(p.Articles))
	for i, a := range p.Articles {
		if a.Clipping == nil {
			out[i] = problemJSON{N: a.N, Problem: a.Problem}
			continue
		}
		pj := newParsedJSON(a.Clipping)
		pj.N = a.N
		out[i] = pj
	}
	return e.writeJSON(out)
}

// foundAnnounced says how many articles were found and announced.
func foundAnnounced(found, announced int) string {
	if announced > 0 {
		return fmt.Sprintf("found %d of %d articles announced", found, announced)
	}
	if found == 1 {
		return "found 1 article"
	}
	return fmt.Sprintf("found %d articles", found)
}

// importJSON is one line of `clipper import` output: the report on one file.
type importJSON struct {
	Path       string              `json:"path"`
	Format     string              `json:"format,omitempty"`
	Archive    bool                `json:"archive,omitempty"`
	Found      int                 `json:"found"`
	Announced  int                 `json:"announced,omitempty"`
	Added      int                 `json:"added"`
	Duplicates int                 `json:"duplicates"`
	Problems   int                 `json:"problems"`
	Articles   []importArticleJSON `json:"articles,omitempty"`
	Warnings   []string            `json:"warnings,omitempty"`
	LeftOut    []string            `json:"left_out,omitempty"`
	Skipped    string              `json:"skipped,omitempty"`
	Error      string              `json:"error,omitempty"`
}

// importArticleJSON is one article of a file's report.
type importArticleJSON struct {
	N           int    `json:"n"`
	ID          string `json:"id,omitempty"`
	Headline    string `json:"headline,omitempty"`
	Publication string `json:"publication,omitempty"`
	Date        string `json:"date,omitempty"`
	SourceID    string `json:"source_id,omitempty"`
	Duplicate   string `json:"duplicate,omitempty"`
	Problem     string `json:"problem,omitempty"`
}

func newImportJSON(r ingest.FileReport) importJSON {
	added, dups, probs := r.Counts()
	out := importJSON{Path: r.Path, Format: r.Format, Archive: r.Archive, Found: len(r.Articles), Announced: r.Announced,
		Added: added, Duplicates: dups, Problems: probs, Warnings: r.Warnings, LeftOut: r.LeftOut, Skipped: r.Skipped}
	if r.Err != nil {
		out.Error = r.Err.Error()
	}
	for _, a := range r.Articles {
		out.Articles = append(out.Articles, importArticleJSON{N: a.N, ID: a.ID, Headline: a.Headline, Publication: a.Publication,
			Date: a.Date, SourceID: a.SourceID, Duplicate: a.Duplicate, Problem: a.Problem})
	}
	return out
}

// cmdImport imports files and folders and prints one report line per
// file; a summary per file and the totals go to stderr.
func cmdImport(e *env, args []string) error {
	fs := e.flags("import")
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	if fs.NArg() == 0 {
		return errUsage
	}
	return e.withStore(func(ctx context.Context, st *store.Store) error {
		reports, err := ingest.ImportPaths(ctx, st, fs.Args(), nil)
		var added, dups, probs, failed, skipped int
		for _, r := range reports {
			a, d, p := r.Counts()
			added, dups, probs = added+a, dups+d, probs+p
			switch {
			case r.Err != nil:
				failed++
				fmt.Fprintf(e.stderr, "clipper import: %v\n", r.Err)
			case r.Skipped != "":
				skipped++
			default:
				fmt.Fprintf(e.stderr, "clipper import: %s: %s\n", r.Path, r.Summary())
				for _, w := range r.Warnings {
					fmt.Fprintf(e.stderr, "clipper import: %s: %s\n", r.Path, w)
				}
			}
			if werr := e.writeJSON(newImportJSON(r)); werr != nil {
				return werr
			}
		}
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stderr, "clipper import: %d added, %d already in the project, %d articles not imported, %d files failed, %d skipped\n", added, dups, probs, failed, skipped)
		if failed > 0 {
			return exitError{code: 1, msg: fmt.Sprintf("%d of %d files could not be imported", failed, len(reports)-skipped)}
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
		out := e.lines()
		defer out.flush()
		for it, err := range st.Reader().ClippingSummaries(ctx, store.LibraryFilter{}) {
			if err != nil {
				return err
			}
			if err := out.write(listJSON{ID: it.ID, Date: it.Date, Publication: it.Publication, Headline: it.Headline, Annotations: it.Annotations}); err != nil {
				return err
			}
		}
		return out.flush()
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
	limit := fs.Int("limit", 50, "at most this many results (0: all)")
	if err := fs.Parse(args); err != nil || fs.NArg() == 0 {
		return errUsage
	}
	return e.withStore(func(ctx context.Context, st *store.Store) error {
		query := strings.Join(fs.Args(), " ")
		out := e.lines()
		defer out.flush()
		n := 0
		for h, err := range st.Reader().Search(ctx, query) {
			if err != nil {
				return err
			}
			if *limit > 0 && n == *limit {
				break
			}
			n++
			if err := out.write(searchJSON{ClippingID: h.ClippingID, Headline: h.Headline, Snippet: h.Snippet, AnnotationID: h.AnnotationID}); err != nil {
				return err
			}
		}
		return out.flush()
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
