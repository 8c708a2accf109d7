// Package ingest turns files and pasted text into model.Clipping values:
// it decodes the bytes, recognises the layout (e-paper archive export, plain
// text, HTML, DOCX, Markdown, e-mail), pulls out the metadata the layout
// carries and normalises the body once, so that annotation offsets (Unicode
// code points) stay valid for the life of the clipping.
//
// The pipeline: a reader turns a file into an archive.Doc (decoded text, an
// HTML or XML source, or a DOCX's styled paragraphs; an e-mail's HTML or
// text part), archive.Split decides whether it is a news database's batch
// download and splits it into articles, and each article becomes a
// clipping; a file that is not an export goes to the single-article
// readers below. ParseArticles handles one file's bytes and returns every
// article with what the file announced, warnings and what was left out;
// Parse and ParseFile are its one-article forms, ParseText reads pasted
// text, and ImportPaths imports files and folders into a project in
// batched transactions and reports per file (FileReport). Normalize is the
// body normal form. The text taken from any file is capped at MaxFileSize,
// and what a file kept is compared with its visible text (coverage.go) so
// that nothing is lost silently.
//
// Text layouts (see /work/shared/notes/clipping-format.md): the e-paper
// export is recognised by its "- Name CREDIT" byline, with publication,
// headline and optional deck above it, and by its "DATELINE – " first
// paragraph, "?? CREDIT ?? caption" lines and archive footers; plain text
// has a headline, optional "By Name" and "<Publication>, <date>" lines. DOCX
// and Markdown are reduced to paragraphs and read the same way, with their
// own headline markers (Title style, "# ", front matter) taken as given.
//
// Saved web pages (.html, and .mhtml/.mht single-file saves): the article
// text comes from package web (Readability with Clipper's furniture,
// caption and clutter rules around it); the metadata from the page's
// structured data first (JSON-LD, Open Graph, article:* and Dublin Core
// meta), then what it shows (headline, byline, <time>, date line), then its
// address. A byline or date line opening the text moves to the metadata.
//
// Paragraphs: blank lines always separate paragraphs. Lines inside a block
// are joined with a space when the break looks like a hard wrap (the next
// line starts in lower case, a hyphenated word is split, the text is
// wrapped at a fixed width and the next word would not have fitted, or a
// long line stops mid-sentence); otherwise each line is its own paragraph,
// which is how archive copies without blank lines look. The rules are on
// paragraphs in paragraphs.go.
package ingest
