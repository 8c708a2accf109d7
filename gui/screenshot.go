package gui

import (
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/software"
	"fyne.io/fyne/v2/layout"
)

// SaveScreenshot captures the window at size (in pixels, scale 1) and writes
// it to path as PNG. Call it on the UI goroutine once the window is drawn.
func SaveScreenshot(w fyne.Window, size fyne.Size, path string) error {
	img := Capture(w, size)
	if Blank(img) {
		return fmt.Errorf("screenshot of the window came out blank")
	}
	return WritePNG(img, path)
}

// Capture renders the window's content at size. It first asks the window's
// canvas; under software GL (Xvfb) that image can come back fully
// transparent, or scaled, so it then renders the same content through
// Fyne's software painter, which matches what the real window shows. Call
// it on the UI goroutine.
func Capture(w fyne.Window, size fyne.Size) image.Image {
	img := w.Canvas().Capture()
	if !Blank(img) && img.Bounds().Dx() == int(size.Width) && img.Bounds().Dy() == int(size.Height) {
		return img
	}
	// A canvas object lives in one canvas at a time: lend the content to a
	// software canvas and give it back.
	content := w.Content()
	w.SetContent(layout.NewSpacer())
	c := software.NewCanvas()
	c.SetPadded(false)
	c.SetContent(content)
	c.Resize(size)
	img = c.Capture()
	c.SetContent(layout.NewSpacer())
	w.SetContent(content)
	return img
}

// Blank reports whether every pixel of img has the same colour (or img is
// empty): the sign of a capture that did not work.
func Blank(img image.Image) bool {
	if img == nil {
		return true
	}
	b := img.Bounds()
	if b.Empty() {
		return true
	}
	first := img.At(b.Min.X, b.Min.Y)
	r0, g0, b0, a0 := first.RGBA()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, a := img.At(x, y).RGBA()
			if r != r0 || g != g0 || bl != b0 || a != a0 {
				return false
			}
		}
	}
	return true
}

// WritePNG writes img to path, replacing it atomically.
func WritePNG(img image.Image, path string) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".screenshot-*.png")
	if err != nil {
		return fmt.Errorf("writing screenshot: %w", err)
	}
	defer os.Remove(tmp.Name())
	if err := png.Encode(tmp, img); err != nil {
		tmp.Close()
		return fmt.Errorf("encoding screenshot %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("writing screenshot %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("writing screenshot %s: %w", path, err)
	}
	return nil
}
