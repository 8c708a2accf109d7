package main

import (
	"context"
	"encoding/json"
	"fmt"

	"clipper/model"
	"clipper/model/store"
	"clipper/model/suggest"
)

func cmdSuggest(e *env, args []string) error {
	fs := e.flags("suggest")
	clipping := fs.String("clipping", "", "a clipping in the project instead of a file")
	kinds := fs.String("kinds", "", "comma-separated kinds: quote,figure,claim (and date)")
	accept := fs.Bool("accept", false, "store the suggestions as annotations (with --clipping)")
	minConf := fs.Float64("min-confidence", 0, "drop suggestions below this confidence (0–1)")
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	opt := suggest.Options{MinConfidence: *minConf}
	for _, k := range splitComma(*kinds) {
		switch suggest.Kind(k) {
		case suggest.KindQuote, suggest.KindFigure, suggest.KindClaim, suggest.KindDate:
			opt.Kinds = append(opt.Kinds, suggest.Kind(k))
		default:
			return fmt.Errorf("--kinds: unknown kind %q (want quote, figure, claim or date)", k)
		}
	}
	ctx := e.ctx
	switch {
	case *clipping == "" && fs.NArg() == 1 && !*accept:
		c, err := parseFile(fs.Arg(0), e)
		if err != nil {
			return err
		}
		ss, err := suggest.Suggest(ctx, c.Body, withClipping(opt, c.Metadata))
		if err != nil {
			return err
		}
		return writeSuggestions(e, ss)
	case *clipping != "" && fs.NArg() == 0:
		return suggestClipping(ctx, e, *clipping, opt, *accept)
	}
	return errUsage
}

// withClipping tells the suggester the clipping's language and byline.
func withClipping(opt suggest.Options, m model.Metadata) suggest.Options {
	opt.Language = m.Language
	opt.Byline = append(append([]string{}, m.Authors...), m.Credit)
	return opt
}

// writeSuggestions prints the suggestions as one JSON array.
func writeSuggestions(e *env, ss []suggest.Suggestion) error {
	if ss == nil {
		ss = []suggest.Suggestion{}
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(ss); err != nil {
		return fmt.Errorf("writing output: %w", err)
	}
	return nil
}

// suggestClipping suggests over a stored clipping and, with accept, stores
// the suggestions as annotations in one transaction.
func suggestClipping(ctx context.Context, e *env, id string, opt suggest.Options, accept bool) error {
	st, err := e.openStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	c, err := st.Clipping(ctx, id)
	if err != nil {
		return fmt.Errorf("clipping %s: %w", id, err)
	}
	ss, err := suggest.Suggest(ctx, c.Body, withClipping(opt, c.Metadata))
	if err != nil {
		return err
	}
	if err := writeSuggestions(e, ss); err != nil {
		return err
	}
	if !accept {
		return nil
	}
	n, skipped, err := acceptSuggestions(ctx, e, st, c, ss)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "clipper suggest: %d annotations added, %d already annotated with the same tag\n", n, skipped)
	return nil
}

// acceptSuggestions stores suggestions as annotations of the project's tag
// for each kind, skipping spans the current coder already annotated with
// that tag.
func acceptSuggestions(ctx context.Context, e *env, st *store.Store, c model.Clipping, ss []suggest.Suggestion) (added, skipped int, err error) {
	coder, err := e.currentCoder(ctx, st)
	if err != nil {
		return 0, 0, err
	}
	tags, err := st.Tags(ctx)
	if err != nil {
		return 0, 0, err
	}
	tagFor := map[model.Kind]model.Tag{}
	for _, t := range tags {
		if _, ok := tagFor[t.Kind]; !ok && t.Kind != model.KindCustom {
			tagFor[t.Kind] = t
		}
	}
	existing, err := st.Annotations(ctx, store.AnnotationFilter{ClippingIDs: []string{c.ID}})
	if err != nil {
		return 0, 0, err
	}
	type key struct {
		tag        string
		start, end int
	}
	have := map[key]bool{}
	for _, a := range existing {
		// Coders work independently: only this coder's own annotations count.
		if a.CoderID == coder.ID {
			have[key{a.TagID, a.Start, a.End}] = true
		}
	}
	var batch []*model.Annotation
	for _, s := range ss {
		t, ok := tagFor[model.Kind(s.Kind)]
		if !ok {
			continue // dates have no tag of their own
		}
		if have[key{t.ID, s.Start, s.End}] {
			skipped++
			continue
		}
		have[key{t.ID, s.Start, s.End}] = true
		batch = append(batch, &model.Annotation{
			ClippingID: c.ID, TagID: t.ID, CoderID: coder.ID,
			Start: s.Start, End: s.End, Exact: s.Text,
			Attributes: suggestionAttributes(s),
			Origin:     model.OriginSuggestion,
		})
	}
	if len(batch) == 0 {
		return 0, skipped, nil
	}
	if err := st.AddAnnotations(ctx, batch); err != nil {
		return 0, skipped, fmt.Errorf("storing suggestions: %w", err)
	}
	return len(batch), skipped, nil
}

// suggestionAttributes carries a suggestion's fields into an annotation.
func suggestionAttributes(s suggest.Suggestion) model.Attributes {
	at := model.Attributes{Speaker: s.Speaker, Claimant: s.Claimant,
		Value: s.Value, Low: s.Low, High: s.High, Unit: s.Unit, Comparator: s.Comparator}
	if s.Kind == suggest.KindClaim {
		at.Status = model.StatusUnverified
	}
	return at
}
