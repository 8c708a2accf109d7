package pdf

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/pdfcpu/pdfcpu/pkg/filter"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// maxDecoded caps any one decoded stream (content, font CMap, form).
const maxDecoded = 64 << 20

// reader wraps pdfcpu's object table with lenient accessors: a missing or
// mistyped object is nil or zero, never an error.
type reader struct {
	ctx *model.Context
}

// openPDF parses the file structure (cross-reference table, trailer,
// encryption with an empty user password).
func openPDF(data []byte) (r *reader, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("damaged PDF: %v", p)
		}
	}()
	conf := &model.Configuration{
		Reader15:       true,
		ValidationMode: model.ValidationRelaxed,
		Eol:            types.EolLF,
		Offline:        true,
		Limits:         model.DefaultResourceLimits(),
	}
	conf.Limits.MaxDecodeBytes = maxDecoded
	ctx, err := pdfcpu.Read(bytes.NewReader(data), conf)
	if err != nil {
		return nil, err
	}
	if err := ctx.EnsurePageCount(); err != nil {
		return nil, err
	}
	return &reader{ctx: ctx}, nil
}

func (r *reader) deref(o types.Object) types.Object {
	if o == nil {
		return nil
	}
	v, err := r.ctx.Dereference(o)
	if err != nil {
		return nil
	}
	return v
}

func (r *reader) dict(o types.Object) types.Dict {
	switch v := r.deref(o).(type) {
	case types.Dict:
		return v
	case types.StreamDict:
		return v.Dict
	}
	return nil
}

func (r *reader) array(o types.Object) types.Array {
	if v, ok := r.deref(o).(types.Array); ok {
		return v
	}
	return nil
}

func (r *reader) name(o types.Object) string {
	if v, ok := r.deref(o).(types.Name); ok {
		return string(v)
	}
	return ""
}

func (r *reader) num(o types.Object) (float64, bool) {
	switch v := r.deref(o).(type) {
	case types.Integer:
		return float64(v), true
	case types.Float:
		return float64(v), true
	}
	return 0, false
}

// stream returns the decoded data of a stream object, nil if o is not one
// or cannot be decoded.
func (r *reader) stream(o types.Object) []byte {
	sd, _, err := r.ctx.DereferenceStreamDict(o)
	if err != nil || sd == nil {
		return nil
	}
	if sd.Content != nil {
		return sd.Content
	}
	if err := sd.DecodeWithLimit(maxDecoded); err != nil {
		return nil
	}
	return sd.Content
}

// streamDict returns a stream object's dictionary and decoded data.
func (r *reader) streamDict(o types.Object) (types.Dict, []byte, bool) {
	sd, _, err := r.ctx.DereferenceStreamDict(o)
	if err != nil || sd == nil {
		return nil, nil, false
	}
	if sd.Content == nil {
		if err := sd.DecodeWithLimit(maxDecoded); err != nil {
			return sd.Dict, nil, true
		}
	}
	return sd.Dict, sd.Content, true
}

// pageContent returns a page's content streams, decoded and joined by
// newlines, at most maxDecoded in all (pdfcpu's PageContent allows 512
// MiB): nil when they cannot be decoded, ErrTooLarge past maxDecoded.
func (r *reader) pageContent(pd types.Dict) ([]byte, error) {
	objs := []types.Object{pd["Contents"]}
	if a, ok := r.deref(pd["Contents"]).(types.Array); ok {
		objs = a
	}
	var out []byte
	for _, o := range objs {
		sd, _, err := r.ctx.DereferenceStreamDict(o)
		if err != nil || sd == nil {
			continue
		}
		if sd.Content == nil {
			if err := sd.DecodeWithLimit(maxDecoded - int64(len(out))); errors.Is(err, filter.ErrDecodeLimitExceeded) {
				return nil, fmt.Errorf("%w: its content is over %d MiB once decoded", ErrTooLarge, maxDecoded>>20)
			} else if err != nil {
				return nil, nil
			}
		}
		out = append(append(out, sd.Content...), '\n')
	}
	return out, nil
}

// rawStream returns a stream's dictionary and its still encoded bytes.
func (r *reader) rawStream(o types.Object) (types.Dict, []byte, bool) {
	sd, _, err := r.ctx.DereferenceStreamDict(o)
	if err != nil || sd == nil {
		return nil, nil, false
	}
	return sd.Dict, sd.Raw, true
}
