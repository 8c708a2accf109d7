package gui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"
)

// askSavePath asks for a folder and a file name and hands done the path
// without creating or truncating anything. (Fyne's save dialog opens the
// chosen file for writing before its callback runs, which would empty an
// existing project picked by mistake.) The open project is never offered;
// an existing file is refused unless overwrite is set, and then it is
// confirmed first.
func (u *UI) askSavePath(title, name, ext string, overwrite bool, done func(path string)) {
	folder := filepath.Dir(u.store.Path())
	folderLabel := widget.NewLabel(folder)
	folderLabel.Truncation = fyne.TextTruncateEllipsis
	choose := widget.NewButton("Choose…", func() {
		dialog.ShowFolderOpen(func(l fyne.ListableURI, err error) {
			if err == nil && l != nil {
				folder = l.Path()
				folderLabel.SetText(folder)
			}
		}, u.win)
	})
	file := widget.NewEntry()
	file.SetText(name)
	items := []*widget.FormItem{
		widget.NewFormItem("Folder", folderLabel),
		widget.NewFormItem("", choose),
		widget.NewFormItem("File name", file),
	}
	d := dialog.NewForm(title, "Save", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		path, err := savePath(folder, file.Text, ext, u.store.Path())
		if err != nil {
			u.showError(err)
			return
		}
		if _, err := os.Stat(path); err == nil {
			if !overwrite {
				u.showError(fmt.Errorf("%s already exists; choose another name", path))
				return
			}
			dialog.ShowConfirm("Replace file?", fmt.Sprintf("%s already exists. Replace it?", path), func(yes bool) {
				if yes {
					done(path)
				}
			}, u.win)
			return
		}
		done(path)
	}, u.win)
	d.Resize(fyne.NewSize(560, 0))
	d.Show()
	u.win.Canvas().Focus(file)
}

// savePath joins folder and name, adds ext when the name lacks it, and
// refuses an empty name, a folder that does not exist and the open project.
func savePath(folder, name, ext, project string) (string, error) {
	name = strings.TrimSpace(name)
	if name == "" || name == "." || name == ".." || strings.ContainsAny(name, `/\`) {
		return "", fmt.Errorf("enter a file name (without folders)")
	}
	if !strings.EqualFold(filepath.Ext(name), ext) {
		name += ext
	}
	if fi, err := os.Stat(folder); err != nil || !fi.IsDir() {
		return "", fmt.Errorf("folder %s does not exist", folder)
	}
	path := filepath.Join(folder, name)
	if abs, err := filepath.Abs(path); err == nil && abs == project {
		return "", fmt.Errorf("%s is the open project; choose another name", path)
	}
	return path, nil
}

// askOpenPath asks for an existing file with one of exts and hands its path
// to done.
func (u *UI) askOpenPath(exts []string, done func(path string)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			u.showError(err)
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		done(path)
	}, u.win)
	d.SetFilter(storage.NewExtensionFileFilter(exts))
	d.Show()
}
