package gui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"clipper/model"
)

// editDetails lets the researcher correct the metadata the importer read.
func (u *UI) editDetails() {
	if u.clip.ID == "" || u.waitsForBulk() {
		return
	}
	m := u.clip.Metadata
	entry := func(s string) *widget.Entry {
		e := widget.NewEntry()
		e.SetText(s)
		return e
	}
	pub, head, deck := entry(m.Publication), entry(m.Headline), entry(m.Deck)
	authors, credit, dateline := entry(strings.Join(m.Authors, "; ")), entry(m.Credit), entry(m.Dateline)
	date, url := entry(m.Date), entry(m.URL)
	section, language, page := entry(m.Section), entry(m.Language), entry(m.Page)
	language.SetPlaceHolder("en, fr, de…")
	date.SetPlaceHolder("YYYY-MM-DD")
	authors.SetPlaceHolder("Separate names with ;")
	date.Validator = func(s string) error {
		if s == "" || model.ValidDate(s) {
			return nil
		}
		return fmt.Errorf("use YYYY-MM-DD")
	}
	var caps []string
	for _, c := range m.Captions {
		caps = append(caps, strings.TrimSpace(c.Credit+" | "+c.Text))
	}
	captions := widget.NewMultiLineEntry()
	captions.SetText(strings.Join(caps, "\n"))
	captions.SetPlaceHolder("One caption per line: CREDIT | text")
	captions.SetMinRowsVisible(3)
	items := []*widget.FormItem{
		widget.NewFormItem("Publication", pub), widget.NewFormItem("Headline", head),
		widget.NewFormItem("Deck", deck), widget.NewFormItem("Authors", authors),
		widget.NewFormItem("Credit", credit), widget.NewFormItem("Dateline", dateline),
		widget.NewFormItem("Date", date), widget.NewFormItem("URL", url),
		widget.NewFormItem("Section", section), widget.NewFormItem("Page", page),
		widget.NewFormItem("Language", language), widget.NewFormItem("Captions", captions),
	}
	d := dialog.NewForm("Clipping details", "Save", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		// Start from the stored metadata so fields the form does not show
		// (words, source id, details) are kept.
		nm := m
		nm.Publication, nm.Headline = strings.TrimSpace(pub.Text), strings.TrimSpace(head.Text)
		nm.Deck, nm.Credit = strings.TrimSpace(deck.Text), strings.TrimSpace(credit.Text)
		nm.Dateline, nm.Date = strings.TrimSpace(dateline.Text), strings.TrimSpace(date.Text)
		nm.URL, nm.Section = strings.TrimSpace(url.Text), strings.TrimSpace(section.Text)
		nm.Page, nm.Language = strings.TrimSpace(page.Text), strings.ToLower(strings.TrimSpace(language.Text))
		nm.Authors, nm.Captions = nil, nil
		for _, a := range strings.Split(authors.Text, ";") {
			if a = strings.TrimSpace(a); a != "" {
				nm.Authors = append(nm.Authors, a)
			}
		}
		for _, line := range strings.Split(captions.Text, "\n") {
			if line = strings.TrimSpace(line); line == "" {
				continue
			}
			credit, text, found := strings.Cut(line, "|")
			if !found {
				credit, text = "", line
			}
			nm.Captions = append(nm.Captions, model.Caption{Credit: strings.TrimSpace(credit), Text: strings.TrimSpace(text)})
		}
		if err := u.store.UpdateMetadata(u.ctx(), u.clip.ID, nm); err != nil {
			u.showError(fmt.Errorf("saving clipping details: %w", err))
			return
		}
		u.clip.Metadata = nm
		u.reader.show(u.clip)
		u.reloadAnnotations()
		if err := u.lib.reload(); err != nil {
			u.showError(err)
		}
	}, u.win)
	d.Resize(fyne.NewSize(640, 560))
	d.Show()
}
