package store

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxNameLen is the longest coder or tag name accepted, in code points.
const maxNameLen = 100

// cleanName trims a coder or tag name and checks it: not empty, at most
// maxNameLen code points, no control characters.
func cleanName(what, name string) (string, error) {
	n := strings.TrimSpace(name)
	switch {
	case n == "":
		return "", fmt.Errorf("%w: %s name is empty", ErrInvalid, what)
	case !utf8.ValidString(n):
		return "", fmt.Errorf("%w: %s name %q is not valid UTF-8", ErrInvalid, what, n)
	case utf8.RuneCountInString(n) > maxNameLen:
		return "", fmt.Errorf("%w: %s name is longer than %d characters", ErrInvalid, what, maxNameLen)
	case strings.ContainsFunc(n, unicode.IsControl):
		return "", fmt.Errorf("%w: %s name %q contains a control character", ErrInvalid, what, n)
	}
	return n, nil
}
