// Package export writes a Clipper dataset — clippings, tags, coders and
// their annotations — to the formats researchers open and other tools
// import: Excel (.xlsx), CSV (an Excel-safe and a raw variant), W3C Web
// Annotation JSON-LD, and REFI-QDA (.qdpx project, .qdc codebook).
//
// The writers never touch Fyne or the project database: they take a Dataset
// (clippings, tags, coders, annotations) and a Format. Write streams
// to any io.Writer; WriteFile writes atomically (temp file, fsync, rename),
// so a failed or cancelled export never leaves a half-written file behind.
//
// A Dataset may carry an agreement report between its coders (AgreementFor,
// AttachAgreement); the workbook then shows it on an Agreement sheet.
//
// Offsets (start, end) always count Unicode code points of the clipping's
// body, end-exclusive, exactly as model.Annotation stores them. Every
// writer returns a Report: how many annotations and clippings it wrote and
// which cell texts it had to shorten.
package oldexport
