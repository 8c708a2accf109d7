package ingest

import "errors"

// MaxFileSize is the largest file Parse accepts, in bytes. Files on disk are
// checked against it before they are read.
const MaxFileSize = 20 << 20

// Sentinel errors for input that cannot become a clipping. Errors returned
// by this package wrap one of them (test with errors.Is) and start with the
// file name, followed by a specific reason.
var (
	// ErrBinary: the file is not text (NUL bytes, control bytes, or a known
	// binary format such as PDF, an image or a ZIP archive).
	ErrBinary = errors.New("not a text file")
	// ErrEmpty: the file is empty, whitespace only, or has no article text
	// once metadata, captions and archive footers are taken out.
	ErrEmpty = errors.New("no article text")
	// ErrTooLarge: the file is larger than MaxFileSize.
	ErrTooLarge = errors.New("file too large")
	// ErrEncoding: the bytes are not in an encoding that can be decoded
	// without guessing (UTF-8, UTF-16/32 with BOM, Windows-1252).
	ErrEncoding = errors.New("unreadable text encoding")
	// ErrCorruptDocx: a .docx that is not a readable Word package.
	ErrCorruptDocx = errors.New("damaged .docx file")
)
