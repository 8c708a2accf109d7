package gui

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"clipper/model/store"
)

// mergeDialog asks for a colleague's .clip file and previews merging it.
func (u *UI) mergeDialog() {
	u.askOpenPath([]string{".clip"}, u.previewMerge)
}

// runMerge merges src as a background job and hands the report to done
// on the UI goroutine; when the store refuses the file, failed introduces
// its reason in an error dialog.
func (u *UI) runMerge(src string, opt store.MergeOptions, title, failed, cancelled string, done func(store.MergeReport)) {
	startJob(u, job[store.MergeReport]{
		title:  title,
		detail: filepath.Base(src),
		work: func(ctx context.Context, st *store.Store, _ func(int, int)) (store.MergeReport, error) {
			return st.Merge(ctx, src, opt)
		},
		done:      done,
		failed:    failed,
		cancelled: cancelled,
	})
}

// previewMerge runs a dry run of merging src and shows what it would do.
func (u *UI) previewMerge(src string) {
	name := filepath.Base(src)
	u.runMerge(src, store.MergeOptions{DryRun: true}, "Reading "+name,
		name+" cannot be merged, nothing was changed", "Merge cancelled; nothing was changed.",
		func(rep store.MergeReport) { u.showMergePreview(src, rep) })
}

// showMergePreview lists what merging src would add, update, re-anchor and
// leave in conflict, offers to keep same-name tags apart, and merges on
// "Merge".
func (u *UI) showMergePreview(src string, rep store.MergeReport) {
	keepBoth := widget.NewCheck("Keep same-name tags separate (as “name (2)”)", nil)
	keepBoth.Hidden = len(rep.Tags.Merged) == 0
	head := widget.NewLabel(previewHeadline(rep))
	head.Wrapping = fyne.TextWrapWord
	head.TextStyle = fyne.TextStyle{Bold: true}
	acc := widget.NewAccordion()
	acc.MultiOpen = true
	for i, s := range u.previewSections(rep) {
		acc.Append(s)
		if i < 4 { // the first lists open; the rest a click away
			acc.Open(i)
		}
	}
	scroll := container.NewVScroll(acc)
	scroll.SetMinSize(fyne.NewSize(600, 380))
	content := container.NewBorder(head, keepBoth, nil, nil, scroll)
	if rep.Changes() == 0 {
		dialog.ShowCustom("Merge "+filepath.Base(src), "Close", content, u.win)
		return
	}
	d := dialog.NewCustomConfirm("Merge "+filepath.Base(src)+"?", "Merge", "Cancel", content, func(ok bool) {
		if ok {
			u.applyMerge(src, keepBoth.Checked)
		}
	}, u.win)
	d.Show()
}

// previewHeadline is the one-line account above the preview's lists,
// counting the rows of the file refused for invalid values.
func previewHeadline(rep store.MergeReport) string {
	refused := ""
	if n := len(rep.Refused); n > 0 {
		refused = " " + count(n, "row of the file is", "rows of the file are") +
			" refused for invalid values and not merged (listed below)."
	}
	if rep.Changes() == 0 {
		msg := "Nothing to merge: this project already has everything in " + rep.Source + "."
		if refused != "" {
			msg = "Nothing to merge from " + rep.Source + "."
		}
		if n := rep.Annotations.AlreadyInConflict; n > 0 {
			msg += " " + count(n, "edit is", "edits are") + " still an open conflict: File → Review merged changes."
		}
		return msg + refused
	}
	an := rep.Annotations
	var parts []string
	if an.Added > 0 || an.Updated == 0 {
		parts = append(parts, count(an.Added, "new annotation", "new annotations"))
	}
	if an.Updated > 0 {
		parts = append(parts, count(an.Updated, "changed annotation", "changed annotations"))
	}
	if n := len(rep.Clippings.Added); n > 0 {
		parts = append(parts, count(n, "new clipping", "new clippings"))
	}
	if an.Deleted > 0 {
		parts = append(parts, count(an.Deleted, "deletion", "deletions"))
	}
	if n := an.Fuzzy + an.Orphans; n > 0 {
		parts = append(parts, count(n, "placement", "placements")+" to check")
	}
	if n := len(an.Conflicts); n > 0 {
		parts = append(parts, count(n, "conflict", "conflicts"))
	}
	return "Merging would bring " + strings.Join(parts, ", ") + "." + refused + " Nothing changes until you press Merge."
}

// count writes n with the singular or plural noun.
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return thousands(n) + " " + many
}

// previewSections are the preview's expandable lists, each titled with its
// count; empty ones are left out.
func (u *UI) previewSections(rep store.MergeReport) []*widget.AccordionItem {
	var out []*widget.AccordionItem
	add := func(title string, n int, lines []string) {
		if n == 0 {
			return
		}
		out = append(out, widget.NewAccordionItem(fmt.Sprintf("%s (%d)", title, n), listLabel(lines, n)))
	}
	var lines []string
	for _, r := range rep.Refused {
		lines = append(lines, refusedLine(r))
	}
	add("Rows refused: invalid values, not merged (the rest is merged)", len(rep.Refused), lines)
	c := rep.Clippings
	add("New clippings", len(c.Added), headlines(c.Added))
	add("Same text under another id (annotations join this project's copy)", len(c.MatchedByHash), headlines(c.MatchedByHash))
	add("Clippings whose text differs (annotations re-anchored onto this text)", len(c.TextDiffers), headlines(c.TextDiffers))
	lines = nil
	for _, t := range rep.Tags.Added {
		lines = append(lines, t.Name)
	}
	add("New tags", len(rep.Tags.Added), lines)
	lines = nil
	for _, t := range rep.Tags.Merged {
		lines = append(lines, fmt.Sprintf("%s ← their %s", t.Name, t.TheirName))
	}
	add("Tags merged by name", len(rep.Tags.Merged), lines)
	lines = nil
	for _, c := range rep.Coders.Added {
		lines = append(lines, c.Name)
	}
	add("New coders", len(rep.Coders.Added), lines)

	an := rep.Annotations
	add("New annotations", an.Added, []string{
		fmt.Sprintf("%s made in %s, added with their coders.", count(an.Added, "annotation", "annotations"), rep.Source)})
	add("Annotations they changed (their version is taken)", an.Updated, u.annotationLines(an.UpdatedIDs))
	add("Annotations they deleted (deleted here too)", an.Deleted, u.annotationLines(an.DeletedIDs))
	lines = nil
	fuzzy := 0
	for _, r := range an.ReAnchored {
		if r.Status == "fuzzy" || r.Status == "orphan" {
			fuzzy++
			lines = append(lines, fmt.Sprintf("%s: “%s”", anchorWord(r.Status), shorten(oneLine(r.Quote), 90)))
		}
	}
	add("Re-anchored, to check after merging (fuzzy / not found)", fuzzy, lines)
	if an.Remapped > 0 {
		add("Re-anchored exactly onto the changed text", an.Remapped, []string{
			count(an.Remapped, "annotation", "annotations") + " moved with the text change; nothing to check."})
	}
	lines = nil
	for _, cf := range an.Conflicts {
		lines = append(lines, fmt.Sprintf("“%s”", shorten(oneLine(cf.Exact), 90)))
	}
	add("Conflicts: both of you changed the same annotation (yours is kept until you choose)", len(an.Conflicts), lines)
	return out
}

// refusedLine describes a refused row: "tag 0190…: name has an invisible
// character (U+200B)".
func refusedLine(r store.RefusedRow) string {
	return rowWord(r.Table) + " " + r.ID + ": " + oneLine(r.Reason)
}

// rowWord names a row of a table for people: "clippings" → "clipping".
func rowWord(table string) string {
	switch table {
	case "clippings":
		return "clipping"
	case "tags":
		return "tag"
	case "coders":
		return "coder"
	case "annotations":
		return "annotation"
	case "rejections":
		return "rejected suggestion"
	}
	return table + " row"
}

// anchorWord names a re-anchoring status for people.
func anchorWord(status string) string {
	switch status {
	case "fuzzy":
		return "Fuzzy"
	case "orphan":
		return "Not found"
	case "remapped":
		return "Moved"
	}
	return status
}

func headlines(cs []store.MergedClipping) []string {
	out := make([]string, 0, len(cs))
	for _, c := range cs {
		out = append(out, orUntitled(c.Headline))
	}
	return out
}

// annotationLines describes annotations of this project by their text.
func (u *UI) annotationLines(ids []string) []string {
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		a, err := u.store.Annotation(u.ctx(), id)
		if err != nil {
			out = append(out, id)
			continue
		}
		t, _ := u.tag(a.TagID)
		out = append(out, fmt.Sprintf("%s: “%s”", t.Name, shorten(oneLine(a.Exact), 90)))
	}
	return out
}

// maxListed caps the lines of one preview list.
const maxListed = 200

// listLabel shows lines (at most maxListed) of a list of n items.
func listLabel(lines []string, n int) fyne.CanvasObject {
	if len(lines) > maxListed {
		lines = lines[:maxListed]
	}
	text := "• " + strings.Join(lines, "\n• ")
	if n > len(lines) && len(lines) > 1 {
		text += fmt.Sprintf("\n… and %d more", n-len(lines))
	}
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// applyMerge merges src for real, then refreshes everything that shows the
// project and opens the merge review when something needs checking.
func (u *UI) applyMerge(src string, keepBoth bool) {
	u.panel.flush()
	opt := store.MergeOptions{KeepBothTags: keepBoth, CoderID: u.coder.ID}
	name := filepath.Base(src)
	u.runMerge(src, opt, "Merging "+name, "merging "+name+" failed, nothing was changed",
		"Merge cancelled; nothing was changed.", u.mergeDone)
}

// mergeDone shows the merged project and what needs review.
func (u *UI) mergeDone(rep store.MergeReport) {
	u.loadTags()
	if err := u.lib.reload(); err != nil {
		u.showError(err)
	}
	if u.clip.ID == "" {
		u.refreshLibrary()
	}
	if u.cmpTab != nil {
		if err := u.cmp.start(); err != nil { // new coders to compare
			u.showError(err)
		}
	}
	u.reloadAnnotations()
	u.merges.setRefused(rep)
	u.merges.reload()
	if u.merges.pending() > 0 {
		u.openMergeReview()
	}
	sum := rep.Summary()
	u.flash(strings.ToUpper(sum[:1]) + sum[1:] + ".")
}
