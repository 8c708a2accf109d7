package export

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"io"
	"strconv"
	"strings"
	"testing"
)

// zipTestData is compressible text of n bytes that differs along its length.
func zipTestData(n int) []byte {
	var b bytes.Buffer
	for i := 0; b.Len() < n; i++ {
		b.WriteString(`<row r="` + strconv.Itoa(i) + `"><c t="inlineStr"><is><t>café ` + strconv.Itoa(i*i) + `</t></is></c></row>`)
	}
	return b.Bytes()[:n]
}

func TestParallelZipRoundTrip(t *testing.T) {
	parts := []struct {
		name string
		data []byte
	}{
		{"empty.xml", nil},
		{"small.xml", []byte("<a>tiny</a>")},
		{"xl/worksheets/one-chunk.xml", zipTestData(zipChunk)},
		{"xl/worksheets/many-chunks.xml", zipTestData(5*zipChunk + 12345)},
		{"docProps/ünïcode.xml", []byte("<x/>")},
	}
	for _, workers := range []int{1, 2, 4} {
		t.Run("workers "+strconv.Itoa(workers), func(t *testing.T) {
			var out bytes.Buffer
			z := newParallelZip(context.Background(), &out, workers)
			for _, p := range parts {
				w, err := z.Create(p.name)
				if err != nil {
					t.Fatal(err)
				}
				// Odd write sizes, as io.Copy and excelize make them.
				for rest := p.data; len(rest) > 0; {
					n := min(len(rest), 40000)
					if _, err := w.Write(rest[:n]); err != nil {
						t.Fatal(err)
					}
					rest = rest[n:]
				}
			}
			if err := z.Close(); err != nil {
				t.Fatal(err)
			}
			zr, err := zip.NewReader(bytes.NewReader(out.Bytes()), int64(out.Len()))
			if err != nil {
				t.Fatalf("archive does not open: %v", err)
			}
			if len(zr.File) != len(parts) {
				t.Fatalf("%d parts, want %d", len(zr.File), len(parts))
			}
			for i, zf := range zr.File {
				rc, err := zf.Open()
				if err != nil {
					t.Fatal(err)
				}
				got, err := io.ReadAll(rc) // checks the CRC-32 and size at EOF
				_ = rc.Close()
				if err != nil {
					t.Fatalf("%s: %v", zf.Name, err)
				}
				if zf.Name != parts[i].name || !bytes.Equal(got, parts[i].data) {
					t.Errorf("part %d: %s with %d bytes, want %s with %d", i, zf.Name, len(got), parts[i].name, len(parts[i].data))
				}
				if zf.Method != zip.Deflate || zf.UncompressedSize64 != uint64(len(parts[i].data)) {
					t.Errorf("%s: method %d, size %d", zf.Name, zf.Method, zf.UncompressedSize64)
				}
			}
			if big := zr.File[3]; big.CompressedSize64*4 > big.UncompressedSize64 {
				t.Errorf("compressed %d of %d bytes: not deflated", big.CompressedSize64, big.UncompressedSize64)
			}
		})
	}
}

func TestParallelZipErrors(t *testing.T) {
	big := zipTestData(4 * zipChunk)
	tests := []struct {
		name   string
		ctx    func() context.Context
		dst    io.Writer
		wantIs error
	}{
		{"destination fails", context.Background, &failingWriter{n: 100_000}, errWriter},
		{"cancelled", func() context.Context {
			ctx, cancel := context.WithCancel(context.Background())
			cancel()
			return ctx
		}, io.Discard, context.Canceled},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			z := newParallelZip(tt.ctx(), tt.dst, 2)
			defer z.abort()
			var err error
			w, err := z.Create("sheet.xml")
			if err == nil {
				_, err = w.Write(big)
			}
			if err == nil {
				err = z.Close()
			}
			if !errors.Is(err, tt.wantIs) {
				t.Fatalf("error %v, want %v", err, tt.wantIs)
			}
			// Every later call reports the same failure.
			if _, err := z.Create("next.xml"); !errors.Is(err, tt.wantIs) {
				t.Errorf("Create after failure: %v", err)
			}
			if err := z.Close(); !errors.Is(err, tt.wantIs) {
				t.Errorf("Close after failure: %v", err)
			}
		})
	}
}

// TestXLSXCancelledWhileCompressing: cancelling during compression stops
// the export with the context's error.
func TestXLSXCancelledWhileCompressing(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	d := bigDataset(20, 50)
	w := &cancelAfter{n: 200_000, cancel: cancel}
	_, err := WriteXLSX(ctx, w, d, nil)
	if !errors.Is(err, context.Canceled) || !strings.Contains(err.Error(), "compressing") {
		t.Fatalf("error %v, want a cancellation while compressing", err)
	}
}

// cancelAfter cancels once n bytes have been written to it.
type cancelAfter struct {
	n      int
	cancel context.CancelFunc
}

func (w *cancelAfter) Write(p []byte) (int, error) {
	w.n -= len(p)
	if w.n <= 0 {
		w.cancel()
	}
	return len(p), nil
}
