package gui

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"clipper/model/store"
)

// askSavePath asks for a folder and a file name and hands done the path
// without creating or truncating anything. (Fyne's save dialog opens the
// chosen file for writing before its callback runs, which would empty an
// existing project picked by mistake.) The open project and, whatever
// overwrite says, any other Clipper project are refused; another existing
// file is refused unless overwrite is set, and then it is confirmed first.
func (u *UI) askSavePath(title, name, ext string, overwrite bool, done func(path string)) {
	folder := u.lastFolder()
	folderLabel := widget.NewLabel(folder)
	folderLabel.Truncation = fyne.TextTruncateEllipsis
	choose := widget.NewButton("Choose…", func() {
		fd := dialog.NewFolderOpen(func(l fyne.ListableURI, err error) {
			if err == nil && l != nil {
				folder = l.Path()
				folderLabel.SetText(folder)
			}
		}, u.win)
		fd.SetLocation(folderURI(folder))
		showFileDialog(fd)
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
		path, err := savePath(folder, file.Text, ext)
		if err == nil {
			err = refuseReplacing(path, u.store.Path(), overwrite)
		}
		if err != nil {
			u.showError(err)
			return
		}
		u.rememberFolder(filepath.Dir(path))
		if _, err := os.Lstat(path); err == nil {
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

// savePath joins folder and name and adds ext when the name lacks it; it
// refuses an empty name and a folder that does not exist.
func savePath(folder, name, ext string) (string, error) {
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
	return filepath.Join(folder, name), nil
}

// refuseReplacing says why path must not be written: it is the open
// project (the same file by any name, link or relative path), another
// Clipper project, or — unless replaceable — any existing file. A path
// that does not exist is fine.
func refuseReplacing(path, project string, replaceable bool) error {
	fi, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		if _, lerr := os.Lstat(path); lerr == nil && !replaceable {
			return fmt.Errorf("%s already exists (a link to nothing); choose another name", path)
		}
		return nil
	}
	if err != nil {
		return fmt.Errorf("checking %s: %w", path, err)
	}
	if pfi, err := os.Stat(project); err == nil && os.SameFile(fi, pfi) {
		return fmt.Errorf("%s is the open project; choose another name", path)
	}
	isProject, err := store.IsProject(path)
	if err != nil {
		return err
	}
	switch {
	case isProject:
		return fmt.Errorf("%s is a Clipper project, which is never replaced; choose another name", path)
	case !replaceable:
		return fmt.Errorf("%s already exists; choose another name", path)
	}
	return nil
}

// askOpenPath asks for an existing file with one of exts, starting in the
// last folder used, and hands its path to done.
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
		u.rememberFolder(filepath.Dir(path))
		done(path)
	}, u.win)
	d.SetFilter(storage.NewExtensionFileFilter(exts))
	d.SetLocation(folderURI(u.lastFolder()))
	showFileDialog(d)
}

// askFolder asks for a folder, starting in the last folder used, and hands
// its path to done.
func (u *UI) askFolder(done func(path string)) {
	d := dialog.NewFolderOpen(func(l fyne.ListableURI, err error) {
		if err != nil {
			u.showError(err)
			return
		}
		if l == nil {
			return
		}
		u.rememberFolder(filepath.Dir(l.Path()))
		done(l.Path())
	}, u.win)
	d.SetLocation(folderURI(u.lastFolder()))
	showFileDialog(d)
}

// lastFolder is the folder the file dialogs start in: the last one used
// (remembered in the preferences) while it exists, else the open project's.
func (u *UI) lastFolder() string {
	if f := u.app.Preferences().String(prefLastFolder); f != "" {
		if fi, err := os.Stat(f); err == nil && fi.IsDir() {
			return f
		}
	}
	return filepath.Dir(u.store.Path())
}

// rememberFolder makes folder the one the next file dialog starts in.
func (u *UI) rememberFolder(folder string) {
	u.app.Preferences().SetString(prefLastFolder, folder)
}

// folderURI is folder as a dialog location, or nil when it cannot be listed.
func folderURI(folder string) fyne.ListableURI {
	l, err := storage.ListerForURI(storage.NewFileURI(folder))
	if err != nil {
		return nil
	}
	return l
}
