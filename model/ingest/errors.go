package ingest

import (
	"errors"

	"clipper/model/ingest/archive"
)

// MaxFileSize is the largest file Parse accepts, in bytes, and the most
// text Clipper takes from one file in any format (a .docx, an e-mail or a
// page in a legacy encoding can decode to more than its size). Files on
// disk are checked against it before they are read.
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
	// ErrTooLarge: the file, or the text it decodes or inflates to, is
	// larger than MaxFileSize.
	ErrTooLarge = errors.New("file too large")
	// ErrEncoding: the bytes are not in an encoding that can be decoded
	// without guessing (UTF-8, UTF-16/32 with BOM, Windows-1252).
	ErrEncoding = errors.New("unreadable text encoding")
	// ErrCorruptDocx: a .docx that is not a readable Word package.
	ErrCorruptDocx = errors.New("damaged .docx file")
	// ErrCorruptEmail: an e-mail whose structure (headers, MIME parts and
	// their boundaries) or transfer encoding (base64, quoted-printable) is
	// damaged, so no text part of it can be read.
	ErrCorruptEmail = errors.New("damaged e-mail")
	// ErrSeveral: Parse or ParseFile was given a file that holds several
	// articles (an archive export); ParseArticles reads them.
	ErrSeveral = errors.New("the file holds several articles")
	// ErrUnsplittable: the file looks like a news database's export, but
	// its articles could not be found. It is not imported as one clipping.
	ErrUnsplittable = archive.ErrUnsplittable
)
