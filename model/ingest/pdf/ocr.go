package pdf

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// Tesseract returns the path of the tesseract command and whether it is
// installed. OCR needs it; nothing else does.
func Tesseract() (string, bool) {
	p, err := exec.LookPath("tesseract")
	return p, err == nil
}

// OCR reads the text of the pages of d that have no text by running
// tesseract on the largest image drawn on each (JPEG images as they are,
// 8-bit grey and RGB images converted to PNG). The text becomes the
// pages' paragraphs, split at blank lines, with size 0. Pages whose image
// is in another encoding (JBIG2, CCITT fax) are left empty.
func OCR(ctx context.Context, d *Document) error {
	bin, ok := Tesseract()
	if !ok {
		return errors.New("the tesseract command is not installed")
	}
	dir, err := os.MkdirTemp("", "clipper-ocr-")
	if err != nil {
		return fmt.Errorf("OCR: %w", err)
	}
	defer os.RemoveAll(dir)
	tried := 0
	for i := range d.Pages {
		p := &d.Pages[i]
		if len(p.Paragraphs) > 0 || len(p.images) == 0 {
			continue
		}
		var best imageUse
		for _, im := range p.images {
			if im.ref != nil && im.area > best.area {
				best = im
			}
		}
		file, err := d.imageFile(best, dir, p.Number)
		if err != nil || file == "" {
			continue
		}
		tried++
		text, err := RecogniseImage(ctx, bin, file)
		if err != nil {
			return fmt.Errorf("OCR of page %d: %w", p.Number, err)
		}
		p.Paragraphs = textParagraphs(text, p.Number)
	}
	if tried == 0 {
		return errors.New("its page images are in an encoding Clipper cannot pass to OCR")
	}
	return nil
}

// RecogniseImage runs tesseract (at bin) on an image file and returns the
// text, with OMP_THREAD_LIMIT=1 so that parallel imports do not fight for
// the cores. The language is English plus those of the common news
// languages that are installed.
func RecogniseImage(ctx context.Context, bin, file string) (string, error) {
	cmd := exec.CommandContext(ctx, bin, file, "stdout", "-l", ocrLanguages(ctx, bin))
	cmd.Env = append(os.Environ(), "OMP_THREAD_LIMIT=1")
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("tesseract: %w: %s", err, strings.TrimSpace(errb.String()))
	}
	return out.String(), nil
}

// ocrLanguages returns the tesseract languages to use: of eng, deu, fra,
// nld, spa and ita those installed, "eng" when the list cannot be read.
func ocrLanguages(ctx context.Context, bin string) string {
	out, err := exec.CommandContext(ctx, bin, "--list-langs").Output()
	if err != nil {
		return "eng"
	}
	have := map[string]bool{}
	for _, l := range strings.Fields(string(out)) {
		have[l] = true
	}
	var langs []string
	for _, l := range []string{"eng", "deu", "fra", "nld", "spa", "ita"} {
		if have[l] {
			langs = append(langs, l)
		}
	}
	if len(langs) == 0 {
		return "eng"
	}
	return strings.Join(langs, "+")
}

// textParagraphs splits OCR text into paragraphs at blank lines.
func textParagraphs(text string, page int) []Paragraph {
	var out []Paragraph
	for _, block := range strings.Split(strings.ReplaceAll(text, "\f", "\n"), "\n\n") {
		var lines []string
		for _, l := range strings.Split(block, "\n") {
			if l = strings.TrimSpace(l); l != "" {
				lines = append(lines, l)
			}
		}
		if len(lines) > 0 {
			out = append(out, Paragraph{Lines: lines, Page: page})
		}
	}
	return out
}

// imageFile writes the image im to a file in dir that tesseract can read
// and returns its path, "" for an encoding it cannot pass on.
func (d *Document) imageFile(im imageUse, dir string, page int) (string, error) {
	dict, raw, ok := d.r.rawStream(im.ref)
	if !ok {
		return "", nil
	}
	filters := []string{d.r.name(dict["Filter"])}
	if arr := d.r.array(dict["Filter"]); arr != nil {
		filters = filters[:0]
		for _, f := range arr {
			filters = append(filters, d.r.name(f))
		}
	}
	if len(filters) == 1 && filters[0] == "DCTDecode" {
		f := filepath.Join(dir, fmt.Sprintf("page%d.jpg", page))
		return f, os.WriteFile(f, raw, 0o600)
	}
	for _, f := range filters {
		switch f {
		case "", "FlateDecode", "LZWDecode", "ASCII85Decode", "ASCIIHexDecode", "RunLengthDecode":
		default:
			return "", nil
		}
	}
	_, data, ok := d.r.streamDict(im.ref)
	if !ok || data == nil {
		return "", nil
	}
	w, _ := d.r.num(dict["Width"])
	h, _ := d.r.num(dict["Height"])
	bpc, _ := d.r.num(dict["BitsPerComponent"])
	comps := 0
	switch d.r.name(dict["ColorSpace"]) {
	case "DeviceGray", "CalGray":
		comps = 1
	case "DeviceRGB", "CalRGB":
		comps = 3
	}
	if mask, ok := d.r.deref(dict["ImageMask"]).(types.Boolean); ok && mask.Value() {
		comps, bpc = 1, 1
	}
	W, H := int(w), int(h)
	if W <= 0 || H <= 0 || comps == 0 || (bpc != 8 && bpc != 1) || W*H > 100<<20 {
		return "", nil
	}
	var img image.Image
	switch {
	case bpc == 8 && comps == 1 && len(data) >= W*H:
		g := image.NewGray(image.Rect(0, 0, W, H))
		copy(g.Pix, data)
		img = g
	case bpc == 8 && comps == 3 && len(data) >= W*H*3:
		m := image.NewRGBA(image.Rect(0, 0, W, H))
		for i := 0; i < W*H; i++ {
			m.Pix[4*i], m.Pix[4*i+1], m.Pix[4*i+2], m.Pix[4*i+3] = data[3*i], data[3*i+1], data[3*i+2], 255
		}
		img = m
	case bpc == 1 && comps == 1:
		stride := (W + 7) / 8
		if len(data) < stride*H {
			return "", nil
		}
		g := image.NewGray(image.Rect(0, 0, W, H))
		for y := 0; y < H; y++ {
			for x := 0; x < W; x++ {
				if data[y*stride+x/8]&(0x80>>(x%8)) != 0 {
					g.SetGray(x, y, color.Gray{Y: 255})
				}
			}
		}
		img = g
	default:
		return "", nil
	}
	f := filepath.Join(dir, fmt.Sprintf("page%d.png", page))
	out, err := os.Create(f)
	if err != nil {
		return "", err
	}
	defer out.Close()
	if err := png.Encode(out, img); err != nil {
		return "", err
	}
	return f, out.Close()
}
