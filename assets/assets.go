// Package assets embeds the files Clipper ships with: the application icon
// and the sample clipping a new default project starts with.
package assets

import _ "embed"

// Icon is the application icon as PNG.
//
//go:embed icon.png
var Icon []byte

// SampleClipping is an invented news story in the e-paper archive layout,
// with quotes, figures and claims worth tagging.
//
//go:embed sample-clipping.txt
var SampleClipping []byte

// SampleClippingName is the file name the sample clipping is imported as.
const SampleClippingName = "sample-clipping.txt"
