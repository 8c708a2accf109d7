package export

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// validate runs xmllint on data against schema (a file in testdata); the
// test fails when the document is invalid, and without xmllint is skipped
// (failed in CI).
func validate(t *testing.T, schema string, data []byte) {
	t.Helper()
	xmllint := requireTool(t, "xmllint", "apt-get install libxml2-utils")
	path := filepath.Join(t.TempDir(), "doc.xml")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(xmllint, "--noout", "--schema", filepath.Join("testdata", schema), path).CombinedOutput()
	if err != nil {
		t.Fatalf("xmllint --schema %s: %v\n%s", schema, err, out)
	}
}

// Decoded project.qde, as far as the tests look.
type qdeProject struct {
	XMLName xml.Name `xml:"urn:QDA-XML:project:1.0 Project"`
	Name    string   `xml:"name,attr"`
	Origin  string   `xml:"origin,attr"`
	Creator string   `xml:"creatingUserGUID,attr"`
	Users   []struct {
		GUID string `xml:"guid,attr"`
		Name string `xml:"name,attr"`
	} `xml:"Users>User"`
	Codes []struct {
		GUID        string `xml:"guid,attr"`
		Name        string `xml:"name,attr"`
		Color       string `xml:"color,attr"`
		IsCodable   string `xml:"isCodable,attr"`
		Description string `xml:"Description"`
	} `xml:"CodeBook>Codes>Code"`
	Variables []struct {
		GUID string `xml:"guid,attr"`
		Name string `xml:"name,attr"`
		Type string `xml:"typeOfVariable,attr"`
	} `xml:"Variables>Variable"`
	Sources []struct {
		GUID       string `xml:"guid,attr"`
		Name       string `xml:"name,attr"`
		Path       string `xml:"plainTextPath,attr"`
		User       string `xml:"creatingUser,attr"`
		Selections []struct {
			GUID        string `xml:"guid,attr"`
			Name        string `xml:"name,attr"`
			Start       int    `xml:"startPosition,attr"`
			End         int    `xml:"endPosition,attr"`
			User        string `xml:"creatingUser,attr"`
			Description string `xml:"Description"`
			Coding      struct {
				GUID    string `xml:"guid,attr"`
				User    string `xml:"creatingUser,attr"`
				CodeRef struct {
					Target string `xml:"targetGUID,attr"`
				} `xml:"CodeRef"`
				NoteRefs []struct {
					Target string `xml:"targetGUID,attr"`
				} `xml:"NoteRef"`
			} `xml:"Coding"`
		} `xml:"PlainTextSelection"`
		Values []struct {
			Ref struct {
				Target string `xml:"targetGUID,attr"`
			} `xml:"VariableRef"`
			Text    string `xml:"TextValue"`
			Date    string `xml:"DateValue"`
			Integer string `xml:"IntegerValue"`
		} `xml:"VariableValue"`
	} `xml:"Sources>TextSource"`
	Notes []struct {
		GUID    string `xml:"guid,attr"`
		Name    string `xml:"name,attr"`
		User    string `xml:"creatingUser,attr"`
		Content string `xml:"PlainTextContent"`
	} `xml:"Notes>Note"`
	Description string `xml:"Description"`
}

// writeQDPX exports d and returns the archive's files by name.
func writeQDPX(t *testing.T, d *Dataset) map[string][]byte {
	t.Helper()
	var buf bytes.Buffer
	if _, err := WriteQDPX(context.Background(), &buf, d, nil); err != nil {
		t.Fatalf("WriteQDPX: %v", err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatalf("open qdpx: %v", err)
	}
	files := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		_ = rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		files[f.Name] = b
	}
	return files
}

func TestQDPXArchive(t *testing.T) {
	d := sampleDataset(t)
	files := writeQDPX(t, d)
	var names []string
	for n := range files {
		names = append(names, n)
	}
	slices.Sort(names)
	want := []string{"project.qde", "sources/" + testID(kindClip, 1) + ".txt", "sources/" + testID(kindClip, 2) + ".txt",
		"sources/" + testID(kindClip, 3) + ".txt"}
	if !slices.Equal(names, want) {
		t.Fatalf("archive holds %q, want %q", names, want)
	}
	for _, c := range d.Clippings {
		if got := string(files["sources/"+c.ID+".txt"]); got != c.Body {
			t.Errorf("source of %s = %q, want the body exactly", c.ID, got)
		}
	}
	qde := files["project.qde"]
	if bytes.HasPrefix(qde, []byte("\xef\xbb\xbf")) || !bytes.HasPrefix(qde, []byte(`<?xml version="1.0" encoding="utf-8"?>`)) {
		t.Errorf("project.qde starts with %q", qde[:40])
	}
	if !utf8.Valid(qde) {
		t.Error("project.qde is not UTF-8")
	}
	validate(t, "Project.xsd", qde)
}

func TestQDPXProject(t *testing.T) {
	d := sampleDataset(t)
	files := writeQDPX(t, d)
	var p qdeProject
	if err := xml.Unmarshal(files["project.qde"], &p); err != nil {
		t.Fatalf("parse project.qde: %v", err)
	}
	if p.Name != "energy" || p.Origin != "Clipper" || p.Creator != testID(kindCode, 1) {
		t.Errorf("project name %q origin %q creator %q", p.Name, p.Origin, p.Creator)
	}
	if !strings.Contains(p.Description, d.ProjectName) || !strings.Contains(p.Description, "schema version 3") {
		t.Errorf("description %q", p.Description)
	}
	if len(p.Users) != 2 || p.Users[1].GUID != testID(kindCode, 2) || p.Users[1].Name != "Ben Okafor" {
		t.Errorf("users %+v", p.Users)
	}
	if len(p.Codes) != 4 || p.Codes[0].GUID != d.Tags[0].ID || p.Codes[0].Color != "#E8A33D" ||
		p.Codes[0].IsCodable != "true" || p.Codes[3].Description != "Check later, \"soon\" & carefully" {
		t.Errorf("codes %+v", p.Codes)
	}
	varNames := map[string]string{}
	for _, v := range p.Variables {
		varNames[v.GUID] = v.Name + ":" + v.Type
	}
	if len(p.Sources) != 3 {
		t.Fatalf("%d sources, want 3", len(p.Sources))
	}
	src := p.Sources[0]
	if src.GUID != testID(kindClip, 1) || src.Path != "internal://"+src.GUID+".txt" || src.Name != d.Clippings[0].Headline {
		t.Errorf("source %s %q %q", src.GUID, src.Path, src.Name)
	}
	values := map[string]string{}
	for _, v := range src.Values {
		values[varNames[v.Ref.Target]] = v.Text + v.Date + v.Integer
	}
	for k, want := range map[string]string{"publication:Text": "The Daily Ledger", "date:Date": "2024-03-01",
		"authors:Text": "Anne Dupré; Jo Smith", "url:Text": "https://example.org/energy", "words:Integer": "40"} {
		if values[k] != want {
			t.Errorf("variable %s = %q, want %q (all: %v)", k, values[k], want, values)
		}
	}
	// Selections slice the source text they belong to, by code points.
	for _, s := range p.Sources {
		text := []rune(string(files["sources/"+s.GUID+".txt"]))
		for _, sel := range s.Selections {
			var a = d.Annotations[slices.IndexFunc(d.Annotations, func(x annotationLike) bool { return x.ID == sel.GUID })]
			if got := string(text[sel.Start:sel.End]); got != a.Exact || sel.Name != a.Exact {
				t.Errorf("selection %s slices %q, name %q, want %q", sel.GUID, got, sel.Name, a.Exact)
			}
			if sel.User != a.CoderID || sel.Coding.User != a.CoderID {
				t.Errorf("selection %s users %q/%q, want %q", sel.GUID, sel.User, sel.Coding.User, a.CoderID)
			}
			if sel.Coding.CodeRef.Target != a.TagID {
				t.Errorf("selection %s codes %q, want tag %q", sel.GUID, sel.Coding.CodeRef.Target, a.TagID)
			}
			if sel.Coding.GUID != codingGUID(a.ID) || sel.Coding.GUID == a.ID {
				t.Errorf("coding guid %q, want the stable derived %q", sel.Coding.GUID, codingGUID(a.ID))
			}
		}
	}
	first := p.Sources[0].Selections[0]
	wantDesc := "tag=claim\nkind=claim\nclaimant=the ministry\nstatus=true\nnote=He said \"maybe\",\nthen left;\tchecked twice\nok"
	if first.Description != wantDesc {
		t.Errorf("description = %q\nwant %q", first.Description, wantDesc)
	}
	// Coding GUIDs are the same in every export.
	var again qdeProject
	if err := xml.Unmarshal(writeQDPX(t, d)["project.qde"], &again); err != nil {
		t.Fatal(err)
	}
	if again.Sources[0].Selections[1].Coding.GUID != p.Sources[0].Selections[1].Coding.GUID {
		t.Error("coding GUID changed between exports")
	}
}

func TestQDPXNonUUIDIDs(t *testing.T) {
	d := sampleDataset(t)
	d.Clippings[1].ID = "clip-two"
	d.Coders[0].ID = "ana"
	for i := range d.Annotations {
		if d.Annotations[i].CoderID == testID(kindCode, 1) {
			d.Annotations[i].CoderID = "ana"
		}
	}
	d.Tags = d.Tags[:3] // and no custom tag
	d.Annotations = slices.DeleteFunc(d.Annotations, func(a annotationLike) bool { return a.TagID == testID(kindTag, 4) })
	files := writeQDPX(t, d)
	validate(t, "Project.xsd", files["project.qde"])
	if _, ok := files["sources/"+guid("clip-two")+".txt"]; !ok || guid("clip-two") != guid("clip-two") {
		t.Error("a non-UUID clipping id should map to a stable UUIDv5 source name")
	}
}

func TestQDPXEmpty(t *testing.T) {
	files := writeQDPX(t, &Dataset{})
	validate(t, "Project.xsd", files["project.qde"])
	if len(files) != 1 {
		t.Errorf("empty project holds %d files", len(files))
	}
}

func TestQDPXAwkwardText(t *testing.T) {
	d := sampleDataset(t)
	d.Tags[0].Name = "claim <&> \"x\"\x01"
	d.Clippings[0].Headline = "Tab\there & <there>\x0b"
	d.Annotations[0].Note = "]]> & <!-- \x00 -->"
	files := writeQDPX(t, d)
	validate(t, "Project.xsd", files["project.qde"])
	var p qdeProject
	if err := xml.Unmarshal(files["project.qde"], &p); err != nil {
		t.Fatal(err)
	}
	if p.Codes[0].Name != "claim <&> \"x\"" || p.Sources[0].Name != "Tab here & <there>" {
		t.Errorf("escaped names read back as %q, %q", p.Codes[0].Name, p.Sources[0].Name)
	}
	if !strings.HasSuffix(p.Sources[0].Selections[0].Description, "note=]]> & <!--  -->") {
		t.Errorf("note read back as %q", p.Sources[0].Selections[0].Description)
	}
}

func TestQDC(t *testing.T) {
	d := sampleDataset(t)
	var buf bytes.Buffer
	if _, err := WriteQDC(context.Background(), &buf, d, nil); err != nil {
		t.Fatalf("WriteQDC: %v", err)
	}
	validate(t, "Codebook.xsd", buf.Bytes())
	var cb struct {
		XMLName xml.Name `xml:"urn:QDA-XML:codebook:1.0 CodeBook"`
		Origin  string   `xml:"origin,attr"`
		Codes   []struct {
			GUID        string `xml:"guid,attr"`
			Name        string `xml:"name,attr"`
			IsCodable   string `xml:"isCodable,attr"`
			Color       string `xml:"color,attr"`
			Description string `xml:"Description"`
		} `xml:"Codes>Code"`
	}
	if err := xml.Unmarshal(buf.Bytes(), &cb); err != nil {
		t.Fatalf("parse qdc: %v", err)
	}
	if cb.Origin != "Clipper" || len(cb.Codes) != len(d.Tags) {
		t.Fatalf("codebook origin %q with %d codes", cb.Origin, len(cb.Codes))
	}
	for i, c := range cb.Codes {
		tag := d.Tags[i]
		if c.GUID != tag.ID || c.Name != tag.Name || c.IsCodable != "true" || c.Color != tag.Color || c.Description != tag.Description {
			t.Errorf("code %d = %+v, want tag %+v", i, c, tag)
		}
	}
	if _, err := WriteQDC(context.Background(), &bytes.Buffer{}, &Dataset{}, nil); err == nil || !strings.Contains(err.Error(), "no tags") {
		t.Errorf("codebook without tags: %v", err)
	}
}

func TestQDPXUsersExporterFirst(t *testing.T) {
	for _, c := range []struct {
		creator string
		want    []string
	}{
		{"Ana Lima", []string{"Ana Lima", "Ben Okafor"}},
		{"Ben Okafor", []string{"Ben Okafor", "Ana Lima"}},
		{"", []string{"Ana Lima", "Ben Okafor"}},
	} {
		d := sampleDataset(t)
		d.Creator = c.creator
		var p qdeProject
		if err := xml.Unmarshal(writeQDPX(t, d)["project.qde"], &p); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, u := range p.Users {
			got = append(got, u.Name)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("exported by %q: users %v, want %v", c.creator, got, c.want)
		}
	}
}

func TestQDPXNotesLinkedToCodings(t *testing.T) {
	d := sampleDataset(t)
	files := writeQDPX(t, d)
	validate(t, "Project.xsd", files["project.qde"])
	var p qdeProject
	if err := xml.Unmarshal(files["project.qde"], &p); err != nil {
		t.Fatal(err)
	}
	notes := map[string]string{}
	for _, n := range p.Notes {
		notes[n.GUID] = n.Content
		if !strings.HasPrefix(n.Name, "Note on “") {
			t.Errorf("note %s named %q", n.GUID, n.Name)
		}
	}
	want := 0
	for _, a := range d.Annotations {
		if a.Note != "" {
			want++
		}
	}
	if len(p.Notes) != want {
		t.Errorf("%d notes, want one per annotation with a note (%d)", len(p.Notes), want)
	}
	linked := 0
	for _, s := range p.Sources {
		for _, sel := range s.Selections {
			a := d.Annotations[slices.IndexFunc(d.Annotations, func(x annotationLike) bool { return x.ID == sel.GUID })]
			refs := sel.Coding.NoteRefs
			if a.Note == "" {
				if len(refs) != 0 {
					t.Errorf("selection %s has no note but refers to %v", sel.GUID, refs)
				}
				continue
			}
			if len(refs) != 1 {
				t.Errorf("selection %s: %d note refs, want 1", sel.GUID, len(refs))
				continue
			}
			content, ok := notes[refs[0].Target]
			if !ok {
				t.Errorf("selection %s refers to a missing note %s", sel.GUID, refs[0].Target)
				continue
			}
			if want := cleanText(a.Note); content != want {
				t.Errorf("note of %s = %q, want %q", sel.GUID, content, want)
			}
			linked++
		}
	}
	if linked != want {
		t.Errorf("%d codings link a note, want %d", linked, want)
	}
}
