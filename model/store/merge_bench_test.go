package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// independentPair builds two projects that imported the same clippings
// separately (different ids: they match by text, tags by name), each
// with n annotations of its own coder, and returns the two paths.
func independentPair(b *testing.B, clippings, n int) (project, colleague string) {
	ctx := context.Background()
	var paths []string
	for _, name := range []string{"project.clip", "colleague.clip"} {
		s, err := Create(filepath.Join(b.TempDir(), name))
		if err != nil {
			b.Fatal(err)
		}
		if _, err := s.AddClippings(ctx, newTextGen(7).clippings(clippings)); err != nil {
			b.Fatal(err)
		}
		paths = append(paths, s.Path())
		s.Close()
	}
	annotateAll(b, paths[0], "Ana", n, 0)
	annotateAll(b, paths[1], "Ben", n, 3)
	return paths[0], paths[1]
}

// BenchmarkMerge50k merges a colleague's file with 50,000 annotations into
// a project with 50,000 others on the same 500 clippings (target ≤ 5 s per
// op). "shared": the colleague's file is a shared copy of the project
// (clippings and tags match by id); "independent": both imported the same
// texts (clippings match by hash, tags by name); "again": the same file
// merged a second time (nothing to do). Files are built and copied outside
// the timer; an op is one Merge call.
func BenchmarkMerge50k(b *testing.B) {
	const clippings, n = 500, 50000
	for _, c := range []struct {
		name string
		pair func(b *testing.B, clippings, n int) (string, string)
	}{
		{"shared", func(b *testing.B, c, n int) (string, string) { return mergePair(b, c, n) }},
		{"independent", independentPair},
	} {
		b.Run(c.name, func(b *testing.B) {
			project, colleague := c.pair(b, clippings, n)
			orig, err := os.ReadFile(project)
			if err != nil {
				b.Fatal(err)
			}
			ctx := context.Background()
			dir := b.TempDir()
			for i := 0; b.Loop(); i++ {
				b.StopTimer()
				p := filepath.Join(dir, fmt.Sprintf("p%d.clip", i))
				if err := os.WriteFile(p, orig, 0o644); err != nil {
					b.Fatal(err)
				}
				s, err := Open(p)
				if err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				rep, err := s.Merge(ctx, colleague, MergeOptions{})
				b.StopTimer()
				if err != nil || rep.Annotations.Added != n {
					b.Fatalf("merge: %v %s", err, rep.Summary())
				}
				s.Close()
				os.Remove(p)
				b.StartTimer()
			}
		})
	}
	b.Run("again", func(b *testing.B) {
		project, colleague := mergePair(b, clippings, n)
		s, err := Open(project)
		if err != nil {
			b.Fatal(err)
		}
		defer s.Close()
		ctx := context.Background()
		if _, err := s.Merge(ctx, colleague, MergeOptions{}); err != nil {
			b.Fatal(err)
		}
		for b.Loop() {
			rep, err := s.Merge(ctx, colleague, MergeOptions{})
			if err != nil || rep.Changes() != 0 {
				b.Fatalf("merge again: %v %s", err, rep.Summary())
			}
		}
	})
}
