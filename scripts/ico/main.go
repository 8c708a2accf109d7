//go:build ignore

// Command ico writes a Windows icon (.ico) holding a PNG at the sizes
// Windows asks for (16–256 px), scaled from one PNG: the installer's icon
// (scripts/dist-windows.sh). Usage: go run scripts/ico/main.go IN.png OUT.ico
package main

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"image"
	"image/png"
	"os"

	"golang.org/x/image/draw"
)

var sizes = []int{16, 24, 32, 48, 64, 128, 256}

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: go run scripts/ico/main.go IN.png OUT.ico")
		os.Exit(2)
	}
	if err := convert(os.Args[1], os.Args[2]); err != nil {
		fmt.Fprintln(os.Stderr, "ico:", err)
		os.Exit(1)
	}
}

func convert(in, out string) error {
	f, err := os.Open(in)
	if err != nil {
		return err
	}
	defer f.Close()
	src, err := png.Decode(f)
	if err != nil {
		return fmt.Errorf("reading %s: %w", in, err)
	}
	var images [][]byte
	for _, n := range sizes {
		dst := image.NewNRGBA(image.Rect(0, 0, n, n))
		draw.CatmullRom.Scale(dst, dst.Bounds(), src, src.Bounds(), draw.Over, nil)
		var b bytes.Buffer
		if err := png.Encode(&b, dst); err != nil {
			return err
		}
		images = append(images, b.Bytes())
	}
	// ICONDIR, then one ICONDIRENTRY per image, then the PNG data.
	var ico bytes.Buffer
	le := func(v any) { binary.Write(&ico, binary.LittleEndian, v) }
	le([3]uint16{0, 1, uint16(len(images))})
	offset := uint32(6 + 16*len(images))
	for i, img := range images {
		dim := uint8(sizes[i] % 256) // 0 means 256
		le([4]uint8{dim, dim, 0, 0})
		le([2]uint16{1, 32})
		le([2]uint32{uint32(len(img)), offset})
		offset += uint32(len(img))
	}
	for _, img := range images {
		ico.Write(img)
	}
	return os.WriteFile(out, ico.Bytes(), 0o644)
}
