package store

import (
	"fmt"
	"strings"
)

// MergeReport says what a merge did (or, with DryRun, would do), entity by
// entity, with counts and the items behind them.
type MergeReport struct {
	Source      string           `json:"source"`   // file name of the merged file
	Peer        string           `json:"peer"`     // replica id of the merged file
	MergeID     string           `json:"merge_id"` // audit record; "" for a dry run or a merge that changed nothing
	DryRun      bool             `json:"dry_run"`
	Clippings   MergeClippings   `json:"clippings"`
	Tags        MergeTags        `json:"tags"`
	Coders      MergeCoders      `json:"coders"`
	Annotations MergeAnnotations `json:"annotations"`
	// Rejections counts rejected suggestions taken over from the file.
	Rejections int `json:"rejections_added"`
	// Refused lists the rows of the file that were not merged because a
	// value breaks Clipper's rules (or a row they depend on was refused),
	// each with the reason; the rest was merged.
	Refused []RefusedRow `json:"refused"`
	// RefusedTotal is set in the audit record (the merges table) only,
	// when Refused was cut to its first maxKeptRefused rows: how many rows
	// were refused in all.
	RefusedTotal int `json:"refused_total,omitempty"`
	// PeerVersions: the Clipper versions that created and last wrote the
	// merged file ("" when it predates version records).
	PeerVersions ProjectVersions `json:"peer_versions"`
}

// MergeClippings: clippings of the incoming file, by how they matched.
type MergeClippings struct {
	// Added: new to this project, added with their id.
	Added []MergedClipping `json:"added"`
	// MatchedByHash: the same text under another id; the incoming
	// annotations were moved to this project's clipping.
	MatchedByHash []MergedClipping `json:"matched_by_hash"`
	// TextDiffers: the same id with a different text (one side corrected
	// it). This project's text is kept and the incoming annotations are
	// re-anchored onto it.
	TextDiffers []MergedClipping `json:"text_differs"`
	Unchanged   int              `json:"unchanged"`
}

// MergedClipping names a clipping in a MergeReport: its id here, its id in
// the incoming file and its headline.
type MergedClipping struct {
	ID       string `json:"id"`
	TheirID  string `json:"their_id"`
	Headline string `json:"headline"`
}

// MergeTags: tags of the incoming file, by how they matched.
type MergeTags struct {
	// Added: new tags (Name differs from TheirName when a same-named tag
	// was kept apart with KeepBothTags, or TheirName was taken).
	Added []MergedTag `json:"added"`
	// Merged: incoming tags merged into a tag of this project with the same
	// name (or the built-in tag of the same kind).
	Merged []MergedTag `json:"merged"`
	// Revived: deleted tags of this project brought back because incoming
	// annotations that are kept use them.
	Revived   []MergedTag `json:"revived"`
	Unchanged int         `json:"unchanged"`
}

// MergedTag names a tag in a MergeReport.
type MergedTag struct {
	ID        string `json:"id"`
	Name      string `json:"name"`
	TheirID   string `json:"their_id"`
	TheirName string `json:"their_name"`
}

// MergeCoders: coders of the incoming file.
type MergeCoders struct {
	Added     []MergedCoder `json:"added"`
	Unchanged int           `json:"unchanged"`
}

// MergedCoder names a coder in a MergeReport.
type MergedCoder struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// MergeAnnotations: annotations of the incoming file, by outcome. The id
// lists hold the items behind the counts (empty with
// MergeOptions.CountsOnly).
type MergeAnnotations struct {
	Added      int      `json:"added"` // new live annotations
	AddedIDs   []string `json:"added_ids,omitempty"`
	Tombstones int      `json:"tombstones"` // deleted annotations this project did not have, recorded as deleted
	Updated    int      `json:"updated"`    // changed only in the incoming file: their version taken
	UpdatedIDs []string `json:"updated_ids,omitempty"`
	Deleted    int      `json:"deleted"` // deleted only in the incoming file: deleted here too
	DeletedIDs []string `json:"deleted_ids,omitempty"`
	// ReAnchored lists the added or updated annotations whose clipping's
	// text differs here, with how they were placed on this text.
	ReAnchored []ReAnchored `json:"re_anchored"`
	Remapped   int          `json:"remapped"`
	Fuzzy      int          `json:"fuzzy"`  // placed by approximate search: to review
	Orphans    int          `json:"orphan"` // not found: kept, to re-select or delete
	// Conflicts lists annotations both sides changed differently since
	// they last agreed; this project's version stays until resolved.
	Conflicts []MergeConflict `json:"conflicts"`
	// AlreadyInConflict counts edits already recorded as open conflicts by
	// an earlier merge of the same file.
	AlreadyInConflict int `json:"already_in_conflict"`
	Unchanged         int `json:"unchanged"`
}

// ReAnchored is one annotation placed onto a changed text.
type ReAnchored struct {
	AnnotationID string  `json:"annotation_id"`
	ClippingID   string  `json:"clipping_id"`
	Status       string  `json:"status"` // remapped | fuzzy | orphan
	Score        float64 `json:"score"`
	Start        int     `json:"start"`
	End          int     `json:"end"`
	Quote        string  `json:"quote"` // the text it was made on
}

// MergeConflict is one conflict a merge recorded.
type MergeConflict struct {
	ConflictID   string `json:"conflict_id"` // "" in a dry run
	AnnotationID string `json:"annotation_id"`
	ClippingID   string `json:"clipping_id"`
	Exact        string `json:"exact"`
}

// Changes counts what the merge writes (tags merged by name and clippings
// matched by text are mappings, not writes): zero when merging the file
// changes nothing.
func (r MergeReport) Changes() int {
	a := r.Annotations
	return len(r.Clippings.Added) + len(r.Tags.Added) + len(r.Tags.Revived) +
		len(r.Coders.Added) + a.Added + a.Tombstones + a.Updated + a.Deleted + len(a.Conflicts) + r.Rejections
}

// Summary is a one-line account of the report for people.
func (r MergeReport) Summary() string {
	verb := "merged"
	if r.DryRun {
		verb = "would merge"
	}
	a := r.Annotations
	if r.Changes() == 0 {
		still := ""
		if a.AlreadyInConflict > 0 {
			still = fmt.Sprintf(", %d still in conflict", a.AlreadyInConflict)
		}
		return fmt.Sprintf("%s %s: nothing new (%d annotations unchanged%s)%s", verb, r.Source, a.Unchanged, still, r.refusedNote())
	}
	var parts []string
	add := func(n int, what string) {
		if n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, what))
		}
	}
	add(len(r.Clippings.Added), "clippings added")
	add(len(r.Clippings.MatchedByHash), "clippings matched by text")
	add(len(r.Clippings.TextDiffers), "clippings with a different text")
	add(len(r.Tags.Added), "tags added")
	add(len(r.Tags.Merged), "tags merged by name")
	add(len(r.Tags.Revived), "tags revived")
	add(len(r.Coders.Added), "coders added")
	add(a.Added, "annotations added")
	add(a.Tombstones, "deletions recorded")
	add(a.Updated, "annotations updated")
	add(a.Deleted, "annotations deleted")
	if n := a.Remapped + a.Fuzzy + a.Orphans; n > 0 {
		parts = append(parts, fmt.Sprintf("%d re-anchored (%d fuzzy, %d orphaned: to review)", n, a.Fuzzy, a.Orphans))
	}
	add(len(a.Conflicts), "conflicts to resolve")
	add(a.AlreadyInConflict, "still in conflict")
	add(r.Rejections, "rejected suggestions")
	return fmt.Sprintf("%s %s: %s; %d annotations unchanged%s", verb, r.Source, strings.Join(parts, ", "), a.Unchanged, r.refusedNote())
}

// refusedNote is the summary's account of refused rows, or "".
func (r MergeReport) refusedNote() string {
	if len(r.Refused) == 0 {
		return ""
	}
	n := map[string]int{}
	for _, x := range r.Refused {
		n[x.Table]++
	}
	var parts []string
	for _, t := range []string{"clippings", "tags", "coders", "annotations", "rejections"} {
		if n[t] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n[t], t))
		}
	}
	return fmt.Sprintf("; refused (invalid values, see the report): %s", strings.Join(parts, ", "))
}

// lists makes every item list non-nil, so that the JSON form has [] for
// "none".
func (r *MergeReport) lists() {
	for _, l := range []*[]MergedClipping{&r.Clippings.Added, &r.Clippings.MatchedByHash, &r.Clippings.TextDiffers} {
		if *l == nil {
			*l = []MergedClipping{}
		}
	}
	for _, l := range []*[]MergedTag{&r.Tags.Added, &r.Tags.Merged, &r.Tags.Revived} {
		if *l == nil {
			*l = []MergedTag{}
		}
	}
	if r.Coders.Added == nil {
		r.Coders.Added = []MergedCoder{}
	}
	if r.Annotations.ReAnchored == nil {
		r.Annotations.ReAnchored = []ReAnchored{}
	}
	if r.Annotations.Conflicts == nil {
		r.Annotations.Conflicts = []MergeConflict{}
	}
	if r.Refused == nil {
		r.Refused = []RefusedRow{}
	}
}

// audit is the report as the merges table keeps it: the per-annotation id
// lists of added, updated and deleted annotations are left out (the
// annotations themselves carry them), and at most maxKeptRefused refused
// rows (RefusedTotal counts them all); the rest is kept.
func (r MergeReport) audit() MergeReport {
	r.Annotations.AddedIDs, r.Annotations.UpdatedIDs, r.Annotations.DeletedIDs = nil, nil, nil
	if len(r.Refused) > maxKeptRefused {
		r.RefusedTotal = len(r.Refused)
		r.Refused = r.Refused[:maxKeptRefused:maxKeptRefused]
	}
	return r
}
