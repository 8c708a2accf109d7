package oldexport

import (
	"context"
	"fmt"
	"path/filepath"

	"clipper/model/store"
)

// Load reads everything an export needs from a project: clippings with
// their bodies, tags, coders and live annotations. creator names the person
// exporting (document properties).
func Load(ctx context.Context, st *store.Store, creator string) (*Dataset, error) {
	cs, err := st.Clippings(ctx)
	if err != nil {
		return nil, fmt.Errorf("reading clippings: %w", err)
	}
	tags, err := st.Tags(ctx)
	if err != nil {
		return nil, fmt.Errorf("reading tags: %w", err)
	}
	coders, err := st.Coders(ctx)
	if err != nil {
		return nil, fmt.Errorf("reading coders: %w", err)
	}
	as, err := st.Annotations(ctx, store.AnnotationFilter{})
	if err != nil {
		return nil, fmt.Errorf("reading annotations: %w", err)
	}
	return &Dataset{
		ProjectName: filepath.Base(st.Path()), ProjectPath: st.Path(), SchemaVersion: st.SchemaVersion(), Creator: creator,
		Clippings: cs, Tags: tags, Coders: coders, Annotations: as,
	}, nil
}
