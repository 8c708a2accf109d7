// Package web finds the article in a saved news page: its paragraphs in
// reading order, its photo captions, and nothing of the page around it
// (navigation, share bars, "Read more" links, pull-quotes, slideshow
// counters). It builds on go-readability (a port of Mozilla's Readability)
// and prunes and tidies around it with rules of its own; metadata is the
// caller's business.
package web
