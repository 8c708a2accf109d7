package export

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"runtime"
	"sync"
	"unicode/utf8"

	"github.com/klauspost/compress/flate"
)

// zipChunk is how much of a part one deflate job compresses. Chunks are
// deflated independently and joined (each but the last ends with a sync
// flush, the last with the final block), which costs a few bytes per chunk
// and lets several cores compress one large worksheet.
const zipChunk = 1 << 20

// parallelZip is the excelize.ZipWriter of WriteXLSX: it deflates every
// part (BestSpeed) in zipChunk pieces on one goroutine per core and writes
// the compressed pieces, in order, straight to the destination through
// archive/zip's CreateRaw, with a data descriptor carrying the CRC-32 and
// sizes. Compared with excelize's default (one archive/zip writer filling a
// bytes.Buffer with the whole workbook) it uses every core for the largest
// single step of the export and never holds the workbook in memory.
//
// Parts are written one at a time, as with zip.Writer: Create finishes the
// previous part. Write and Create are called from one goroutine (excelize's
// writer); the deflate goroutines only ever see their own jobs.
type parallelZip struct {
	ctx      context.Context
	zw       *zip.Writer
	jobs     chan *deflateJob
	workers  sync.WaitGroup
	stop     sync.Once
	free     []*deflateJob // finished jobs to reuse, with their buffers
	cur      *zipPart      // part being written; nil before the first Create
	err      error         // first error; every later call returns it
	inFlight int           // most jobs of a part submitted and not yet written
	// splice maps part names to sheets whose data rows are put into the
	// part excelize writes (see splicedSheet); open is such a part being
	// collected.
	splice map[string]*splicedSheet
	open   *spliceBuf
}

// deflateJob is one chunk of a part on its way through a deflate goroutine.
type deflateJob struct {
	in    []byte
	out   bytes.Buffer
	final bool          // end the deflate stream (else sync-flush it)
	done  chan struct{} // receives once the job is compressed
	err   error
}

// zipPart is the part being written: its header (completed when the part
// ends), the chunk being filled and the chunks being compressed, in order.
type zipPart struct {
	fh      *zip.FileHeader
	raw     io.Writer // archive/zip's writer for the compressed bytes
	crc     uint32
	size    uint64 // uncompressed bytes so far
	csize   uint64 // compressed bytes written so far
	fill    *deflateJob
	pending []*deflateJob
}

// newParallelZip starts a zip archive on w that deflates with workers
// goroutines (GOMAXPROCS when workers < 1). Close finishes it; abort stops
// the goroutines of an archive that failed.
func newParallelZip(ctx context.Context, w io.Writer, workers int) *parallelZip {
	if workers < 1 {
		workers = runtime.GOMAXPROCS(0)
	}
	z := &parallelZip{ctx: ctx, zw: zip.NewWriter(w), jobs: make(chan *deflateJob, 2*workers), inFlight: 2 * workers}
	for range workers {
		z.workers.Go(z.deflateLoop)
	}
	return z
}

// deflateLoop compresses jobs until the jobs channel closes, reusing one
// compressor.
func (z *parallelZip) deflateLoop() {
	fw, err := flate.NewWriter(io.Discard, flate.BestSpeed)
	if err != nil { // only for an invalid level
		panic(err)
	}
	for j := range z.jobs {
		fw.Reset(&j.out)
		_, j.err = fw.Write(j.in)
		if j.err == nil {
			if j.final {
				j.err = fw.Close()
			} else {
				j.err = fw.Flush()
			}
		}
		j.done <- struct{}{}
	}
}

// Create ends the previous part and starts the part name.
func (z *parallelZip) Create(name string) (io.Writer, error) {
	if err := z.endPart(); err != nil {
		return nil, err
	}
	fh := &zip.FileHeader{Name: name, Method: zip.Deflate, Flags: 0x8, CreatorVersion: 20, ReaderVersion: 20}
	if !isASCII(name) {
		fh.Flags |= 0x800 // name in UTF-8
	}
	raw, err := z.zw.CreateRaw(fh)
	if err != nil {
		return nil, z.fail(fmt.Errorf("zip part %s: %w", name, err))
	}
	z.cur = &zipPart{fh: fh, raw: raw, fill: z.job()}
	if sh := z.splice[name]; sh != nil {
		z.open = &spliceBuf{sheet: sh}
		return z.open, nil
	}
	return z, nil
}

// Write adds p to the current part.
func (z *parallelZip) Write(p []byte) (int, error) {
	if z.err != nil {
		return 0, z.err
	}
	if z.cur == nil {
		return 0, z.fail(errors.New("zip: write before the first part"))
	}
	part := z.cur
	part.crc = crc32.Update(part.crc, crc32.IEEETable, p)
	part.size += uint64(len(p))
	n := 0
	for n < len(p) {
		room := zipChunk - len(part.fill.in)
		take := min(room, len(p)-n)
		part.fill.in = append(part.fill.in, p[n:n+take]...)
		n += take
		if len(part.fill.in) == zipChunk {
			if err := z.submit(false); err != nil {
				return n, err
			}
		}
	}
	return n, nil
}

// AddFS adds the regular files of fsys, as zip.Writer.AddFS does.
func (z *parallelZip) AddFS(fsys fs.FS) error {
	return fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if !d.Type().IsRegular() {
			return fmt.Errorf("zip: %s is not a regular file", name)
		}
		src, err := fsys.Open(name)
		if err != nil {
			return err
		}
		defer func() { _ = src.Close() }() // read-only: nothing to report
		dst, err := z.Create(name)
		if err != nil {
			return err
		}
		_, err = io.Copy(dst, src)
		return err
	})
}

// Close ends the last part, writes the central directory and stops the
// deflate goroutines.
func (z *parallelZip) Close() error {
	err := z.endPart()
	z.abort()
	if err != nil {
		return err
	}
	if err := z.zw.Close(); err != nil {
		return z.fail(fmt.Errorf("zip directory: %w", err))
	}
	return nil
}

// abort stops the deflate goroutines once every submitted job is done; it
// is safe to call more than once and after Close.
func (z *parallelZip) abort() {
	z.stop.Do(func() {
		close(z.jobs)
		z.workers.Wait()
	})
}

// job returns an empty job, reusing a finished one when it can.
func (z *parallelZip) job() *deflateJob {
	if n := len(z.free); n > 0 {
		j := z.free[n-1]
		z.free = z.free[:n-1]
		j.in, j.final, j.err = j.in[:0], false, nil
		j.out.Reset()
		return j
	}
	return &deflateJob{in: make([]byte, 0, zipChunk), done: make(chan struct{}, 1)}
}

// submit hands the chunk being filled to the deflate goroutines and starts
// a new one, writing finished chunks while too many are in flight.
func (z *parallelZip) submit(final bool) error {
	if err := z.ctx.Err(); err != nil {
		return z.fail(fmt.Errorf("export cancelled while compressing: %w", err))
	}
	part := z.cur
	j := part.fill
	j.final = final
	part.pending = append(part.pending, j)
	z.jobs <- j
	part.fill = nil
	if !final {
		part.fill = z.job()
	}
	for len(part.pending) > z.inFlight {
		if err := z.writeOldest(); err != nil {
			return err
		}
	}
	return nil
}

// writeOldest waits for the oldest pending chunk of the current part and
// writes its compressed bytes.
func (z *parallelZip) writeOldest() error {
	part := z.cur
	j := part.pending[0]
	<-j.done
	part.pending = part.pending[1:]
	z.free = append(z.free, j)
	if z.err != nil {
		return z.err // failed earlier: only collect the job
	}
	if j.err != nil {
		return z.fail(fmt.Errorf("deflate %s: %w", part.fh.Name, j.err))
	}
	n, err := part.raw.Write(j.out.Bytes())
	part.csize += uint64(n)
	if err != nil {
		return z.fail(fmt.Errorf("write %s: %w", part.fh.Name, err))
	}
	return nil
}

// endPart compresses what is left of the current part, writes it and
// completes the header that archive/zip writes in the data descriptor and
// the central directory.
func (z *parallelZip) endPart() error {
	part := z.cur
	if part == nil {
		return z.err
	}
	var err error
	if s := z.open; s != nil {
		z.open = nil
		if z.err == nil {
			if serr := s.finish(z); serr != nil {
				if cerr := z.ctx.Err(); cerr != nil && errors.Is(serr, cerr) {
					// The rows stopped for the cancellation: say where.
					serr = fmt.Errorf("export cancelled while compressing: %w", serr)
				}
				err = z.fail(serr)
			}
		}
	}
	if z.err == nil {
		err = z.submit(true)
	}
	for len(part.pending) > 0 {
		if werr := z.writeOldest(); err == nil {
			err = werr
		}
	}
	z.cur = nil
	if err != nil {
		return err
	}
	if z.err != nil {
		return z.err
	}
	fh := part.fh
	fh.CRC32 = part.crc
	fh.CompressedSize64, fh.UncompressedSize64 = part.csize, part.size
	fh.CompressedSize = uint32(min(part.csize, 0xffffffff))
	fh.UncompressedSize = uint32(min(part.size, 0xffffffff))
	if part.csize >= 0xffffffff || part.size >= 0xffffffff {
		fh.ReaderVersion = 45 // zip64 sizes in the descriptor and directory
	}
	return nil
}

// fail records err as the archive's error unless one is recorded already,
// and returns the recorded one.
func (z *parallelZip) fail(err error) error {
	if z.err == nil {
		z.err = err
	}
	return z.err
}

// isASCII reports whether s is plain ASCII.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
