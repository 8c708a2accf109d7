package gui

import (
	"context"

	"clipper/gui/textview"
	"clipper/model"
	"clipper/model/store"
)

// session is what a part of the right pane (the compare view, the merge
// review) reads of the window's state and how it reports back. The UI fills
// it with closures over itself (UI.session); a test fills it with fakes, so
// the part can be built and driven without a window around it.
type session struct {
	project     func() *store.Store       // the open project
	ctx         func() context.Context    // for a short store call
	clipping    func() model.Clipping     // the open clipping; ID "" for none
	annotations func() []model.Annotation // its live annotations, by start
	tags        func() []model.Tag        // the project's tags
	coder       func() model.Coder        // who is coding; ID "" before a name is given
	flash       func(msg string)          // a short message in the status bar
	showError   func(err error)           // an error the user must see
}

// tag returns the tag with id.
func (s session) tag(id string) (model.Tag, bool) {
	for _, t := range s.tags() {
		if t.ID == id {
			return t, true
		}
	}
	return model.Tag{}, false
}

// annotation returns the open clipping's annotation with id, or nil.
func (s session) annotation(id string) *model.Annotation {
	as := s.annotations()
	for i := range as {
		if as[i].ID == id {
			return &as[i]
		}
	}
	return nil
}

// textPane is what those parts do with the reader: draw highlights, outline
// and scroll to one, and use the selection. *reader implements it.
type textPane interface {
	setHighlights(hs []textview.Highlight, outlined string)
	outline(id string)
	scrollTo(off int)
	selectSpan(start, end int)
	selection() (start, end int)
	clearSelection()
}

var _ textPane = (*reader)(nil)

// session returns the window's state and reporting for its parts.
func (u *UI) session() session {
	return session{
		project:     func() *store.Store { return u.store },
		ctx:         u.ctx,
		clipping:    func() model.Clipping { return u.clip },
		annotations: func() []model.Annotation { return u.anns },
		tags:        func() []model.Tag { return u.tags },
		coder:       func() model.Coder { return u.coder },
		flash:       u.flash,
		showError:   u.showError,
	}
}
