package ingest

import (
	"encoding/json"
	"strings"
	"unicode/utf8"
)

// ldArticle is what Clipper reads from a JSON-LD article object.
type ldArticle struct {
	headline, datePublished, description, url, articleBody, publisher string
	inLanguage, section                                               string
	authors, orgAuthors                                               []string
}

// findLDArticle finds the first article object (NewsArticle, Article,
// BlogPosting, …) in the page's JSON-LD scripts, looking into arrays and
// @graph and past a CDATA wrapper. problem describes a script that is not
// valid JSON.
func findLDArticle(scripts []string) (a ldArticle, ok bool, problem string) {
	for _, s := range scripts {
		s = strings.TrimSpace(s)
		s = strings.TrimPrefix(s, "<![CDATA[")
		s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "]]>"))
		s = strings.TrimSuffix(s, ";")
		var v any
		if err := json.Unmarshal([]byte(s), &v); err != nil {
			problem = "ignored a JSON-LD block that is not valid JSON: " + err.Error()
			continue
		}
		if obj := findLDObject(v, 0); obj != nil {
			return readLDArticle(obj), true, problem
		}
	}
	return a, false, problem
}

func findLDObject(v any, depth int) map[string]any {
	if depth > 8 {
		return nil
	}
	switch t := v.(type) {
	case []any:
		for _, e := range t {
			if o := findLDObject(e, depth+1); o != nil {
				return o
			}
		}
	case map[string]any:
		if isArticleType(t["@type"]) {
			return t
		}
		if g, ok := t["@graph"]; ok {
			return findLDObject(g, depth+1)
		}
	}
	return nil
}

func isArticleType(v any) bool {
	switch t := v.(type) {
	case string:
		return strings.HasSuffix(t, "Article") || t == "BlogPosting" || t == "LiveBlogPosting" || t == "Report" || t == "SocialMediaPosting"
	case []any:
		for _, e := range t {
			if isArticleType(e) {
				return true
			}
		}
	}
	return false
}

// ldString reads a JSON-LD value as text: a string, an object's name or
// @id, the first string of an array.
func ldString(v any) string {
	switch t := v.(type) {
	case string:
		return t
	case map[string]any:
		if s, ok := t["name"].(string); ok {
			return s
		}
		if s, ok := t["@id"].(string); ok {
			return s
		}
	case []any:
		if len(t) > 0 {
			return ldString(t[0])
		}
	}
	return ""
}

func readLDArticle(o map[string]any) ldArticle {
	a := ldArticle{
		headline:      ldString(o["headline"]),
		datePublished: ldString(o["datePublished"]),
		description:   ldString(o["description"]),
		url:           ldString(o["url"]),
		articleBody:   ldString(o["articleBody"]),
		inLanguage:    ldString(o["inLanguage"]),
		section:       ldString(o["articleSection"]),
	}
	if a.headline == "" {
		a.headline = ldString(o["name"])
	}
	if a.datePublished == "" {
		a.datePublished = ldString(o["dateCreated"])
	}
	if a.url == "" {
		if m, ok := o["mainEntityOfPage"].(map[string]any); ok {
			a.url, _ = m["@id"].(string)
		} else {
			a.url = ldString(o["mainEntityOfPage"])
		}
	}
	switch pub := o["publisher"].(type) {
	case map[string]any:
		a.publisher, _ = pub["name"].(string)
	case string:
		a.publisher = pub
	case []any:
		a.publisher = ldString(pub)
	}
	var addAuthor func(v any)
	addAuthor = func(v any) {
		switch t := v.(type) {
		case string:
			if !strings.Contains(t, "://") {
				a.authors = append(a.authors, t)
			}
		case map[string]any:
			name, _ := t["name"].(string)
			if name == "" || utf8.RuneCountInString(name) > 120 {
				return
			}
			if typ, _ := t["@type"].(string); typ == "Organization" || typ == "NewsMediaOrganization" {
				a.orgAuthors = append(a.orgAuthors, name)
			} else {
				a.authors = append(a.authors, name)
			}
		case []any:
			for _, e := range t {
				addAuthor(e)
			}
		}
	}
	addAuthor(o["author"])
	if len(a.authors) == 0 && len(a.orgAuthors) == 0 {
		addAuthor(o["creator"])
	}
	return a
}
