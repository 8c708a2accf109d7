package main

import (
	"context"
	"flag"
	"fmt"
	"strconv"
	"time"

	"clipper/model"
	"clipper/model/store"
)

// optFloat is a float flag that remembers whether it was given.
type optFloat struct{ v *float64 }

func (o *optFloat) String() string {
	if o.v == nil {
		return ""
	}
	return strconv.FormatFloat(*o.v, 'g', -1, 64)
}

func (o *optFloat) Set(s string) error {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return fmt.Errorf("not a number: %q", s)
	}
	o.v = &f
	return nil
}

func cmdAnnotate(e *env, args []string) error {
	fs := e.flags("annotate")
	var (
		a          model.Annotation
		tag        string
		status     string
		value      optFloat
		low, high  optFloat
		start, end int
	)
	fs.StringVar(&a.ClippingID, "clipping", "", "clipping id")
	fs.StringVar(&tag, "tag", "", "tag name (claim, quote, figure or your own)")
	fs.IntVar(&start, "start", -1, "start offset in code points of the body")
	fs.IntVar(&end, "end", -1, "end offset (exclusive)")
	fs.StringVar(&a.Speaker, "speaker", "", "speaker of a quote")
	fs.StringVar(&a.Claimant, "claimant", "", "who makes a claim")
	fs.StringVar(&status, "status", "", "claim status: unverified, true, false, misleading, unsupported")
	fs.Var(&value, "value", "value of a figure")
	fs.Var(&low, "low", "low end of a figure's range")
	fs.Var(&high, "high", "high end of a figure's range")
	fs.StringVar(&a.Unit, "unit", "", "unit or counted noun of a figure")
	fs.StringVar(&a.Comparator, "comparator", "", "figure comparator: ~ > < >= <= range")
	fs.StringVar(&a.Note, "note", "", "free note")
	fs.StringVar(&a.Exact, "text", "", "expected text of the span (refused if it does not match)")
	if err := fs.Parse(args); err != nil || fs.NArg() != 0 {
		return errUsage
	}
	if a.ClippingID == "" || tag == "" || start < 0 || end < 0 {
		return errUsage
	}
	a.Start, a.End = start, end
	a.Status = model.Status(status)
	a.Value, a.Low, a.High = value.v, low.v, high.v

	return e.withStore(func(ctx context.Context, st *store.Store) error {
		t, err := st.TagByName(ctx, tag)
		if err != nil {
			return fmt.Errorf("tag %q: %w", tag, err)
		}
		coder, err := e.currentCoder(ctx, st)
		if err != nil {
			return err
		}
		a.TagID, a.CoderID = t.ID, coder.ID
		if err := st.AddAnnotation(ctx, &a); err != nil {
			return err
		}
		return e.writeJSON(map[string]string{"id": a.ID})
	})
}

// annotationJSON is one line of `clipper annotations`.
type annotationJSON struct {
	ID         string   `json:"id"`
	ClippingID string   `json:"clipping_id"`
	Tag        string   `json:"tag"`
	Kind       string   `json:"kind"`
	Coder      string   `json:"coder"`
	Start      int      `json:"start"`
	End        int      `json:"end"`
	Text       string   `json:"text"`
	Prefix     string   `json:"prefix"`
	Suffix     string   `json:"suffix"`
	BodyHash   string   `json:"body_hash"`
	Speaker    string   `json:"speaker,omitempty"`
	Claimant   string   `json:"claimant,omitempty"`
	Status     string   `json:"status,omitempty"`
	Value      *float64 `json:"value,omitempty"`
	Low        *float64 `json:"low,omitempty"`
	High       *float64 `json:"high,omitempty"`
	Unit       string   `json:"unit,omitempty"`
	Comparator string   `json:"comparator,omitempty"`
	Note       string   `json:"note,omitempty"`
	Origin     string   `json:"origin,omitempty"`
	Created    string   `json:"created"`
	Updated    string   `json:"updated"`
}

func cmdAnnotations(e *env, args []string) error {
	fs := e.flags("annotations")
	var clippings multiFlag
	fs.Var(&clippings, "clipping", "only this clipping (repeatable)")
	if err := fs.Parse(args); err != nil || fs.NArg() != 0 {
		return errUsage
	}
	return e.withStore(func(ctx context.Context, st *store.Store) error {
		tags, coders, err := names(ctx, st)
		if err != nil {
			return err
		}
		// A project may hold a million annotations: they are read in
		// batches and printed as they come.
		out := e.lines()
		defer out.flush()
		for a, err := range st.Reader().Annotations(ctx, store.AnnotationFilter{ClippingIDs: clippings}) {
			if err != nil {
				return err
			}
			t := tags[a.TagID]
			if err := out.write(annotationJSON{
				ID: a.ID, ClippingID: a.ClippingID, Tag: t.Name, Kind: string(t.Kind), Coder: coders[a.CoderID],
				Start: a.Start, End: a.End, Text: a.Exact, Prefix: a.Prefix, Suffix: a.Suffix, BodyHash: a.BodyHash,
				Speaker: a.Speaker, Claimant: a.Claimant, Status: string(a.Status), Value: a.Value, Low: a.Low, High: a.High,
				Unit: a.Unit, Comparator: a.Comparator, Note: a.Note, Origin: a.Origin,
				Created: a.CreatedAt.UTC().Format(time.RFC3339Nano), Updated: a.UpdatedAt.UTC().Format(time.RFC3339Nano),
			}); err != nil {
				return err
			}
		}
		return out.flush()
	})
}

// names maps tag ids to tags and coder ids to coder names.
func names(ctx context.Context, st *store.Store) (map[string]model.Tag, map[string]string, error) {
	ts, err := st.Tags(ctx)
	if err != nil {
		return nil, nil, err
	}
	cs, err := st.Coders(ctx)
	if err != nil {
		return nil, nil, err
	}
	tags := make(map[string]model.Tag, len(ts))
	for _, t := range ts {
		tags[t.ID] = t
	}
	coders := make(map[string]string, len(cs))
	for _, c := range cs {
		coders[c.ID] = c.Name
	}
	return tags, coders, nil
}

// multiFlag collects a repeatable string flag; commas also separate values.
type multiFlag []string

func (m *multiFlag) String() string { return fmt.Sprint(*m) }

func (m *multiFlag) Set(s string) error {
	for _, p := range splitComma(s) {
		*m = append(*m, p)
	}
	return nil
}

var _ flag.Value = (*multiFlag)(nil)
