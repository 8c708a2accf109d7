package model

import "time"

// Coder is a person who annotates. Ids are stable across project files so
// that merged work keeps its author.
type Coder struct {
	ID        string
	Name      string
	CreatedAt time.Time
	UpdatedAt time.Time
}
