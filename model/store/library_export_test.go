package store

// DropLibraryIndex forgets the library index, as if the store were just
// opened (for benchmarks of the first filter change).
func (s *Store) DropLibraryIndex() {
	s.lib.mu.Lock()
	defer s.lib.mu.Unlock()
	s.lib.snap = nil
}
