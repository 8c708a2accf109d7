package export

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"clipper/model"
)

// rowFanout builds the data rows of every spliced annotation sheet in a
// single read of the annotations: the sheet whose part is written first
// gets its rows straight into the package, the others' rows are spooled
// to temporary files (uncompressed row XML) and copied into their parts
// when those are written. Reading the project once instead of once per
// sheet is most of the cost of a large workbook.
type rowFanout struct {
	ctx      context.Context
	ix       *index
	build    *Report // warnings of building the rows
	progress func(done, total int)
	sinks    []*rowSink
	ran      bool
}

// rowSink is one spliced sheet's share of the rows: all annotations, or
// those whose tag is of one kind.
type rowSink struct {
	sheet  string
	all    bool
	kind   model.Kind
	rows   int // rows the sheet's table expects
	cols   []col
	styles []int
	cw     cellWriter
	x      *rowXML  // where the walk writes this sheet's rows
	spool  *os.File // the spooled rows, when the sheet was not the first
}

// add registers a sheet and returns the function that writes its rows.
func (f *rowFanout) add(s *rowSink) func(x *rowXML) error {
	f.sinks = append(f.sinks, s)
	return func(x *rowXML) error { return f.write(s, x) }
}

// write writes the rows of s to x: by reading the annotations, if no
// sheet has yet, else from its spool.
func (f *rowFanout) write(s *rowSink, x *rowXML) error {
	if !f.ran {
		f.ran = true
		return f.walk(s, x)
	}
	if s.spool == nil {
		return nil // no rows
	}
	if err := x.flush(); err != nil {
		return err
	}
	if _, err := s.spool.Seek(0, io.SeekStart); err != nil {
		return fmt.Errorf("read spooled rows: %w", err)
	}
	if _, err := io.Copy(x.w, s.spool); err != nil {
		return fmt.Errorf("copy spooled rows: %w", err)
	}
	x.row = s.x.row
	return nil
}

// walk reads every selected annotation once, writing the rows of direct
// to x and those of every other sheet with rows to its spool.
func (f *rowFanout) walk(direct *rowSink, x *rowXML) error {
	for _, s := range f.sinks {
		if s == direct {
			s.x = x
			continue
		}
		if s.rows == 0 {
			continue
		}
		tmp, err := os.CreateTemp("", "clipper-xlsx-rows-*.xml")
		if err != nil {
			return fmt.Errorf("spool rows of sheet %s: %w", s.sheet, err)
		}
		s.spool, s.x = tmp, newRowXML(tmp)
	}
	rb := newRowBuilder(f.ix, f.build)
	var r row
	err := f.ix.each(f.ctx, walkSpec{body: true, brief: true}, f.progress, func(ci int, c *model.Clipping, a *model.Annotation) error {
		rb.build(ci, c, a, &r)
		for _, s := range f.sinks {
			if s.x == nil || !s.all && s.kind != r.tag.Kind {
				continue
			}
			s.cw.row(s.x, s.cols, s.styles, &r)
			if err := s.x.endRow(); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, s := range f.sinks {
		if s.spool != nil {
			if err := s.x.flush(); err != nil {
				return fmt.Errorf("spool rows of sheet %s: %w", s.sheet, err)
			}
		}
	}
	return nil
}

// close removes the spool files.
func (f *rowFanout) close() error {
	var errs []error
	for _, s := range f.sinks {
		if s.spool != nil {
			errs = append(errs, s.spool.Close(), os.Remove(s.spool.Name()))
			s.spool = nil
		}
	}
	return errors.Join(errs...)
}
