package hover

import (
	"bytes"
	"fmt"

	"github.com/httpcode-lsp/httpcode-lsp/internal/catalog"
	"github.com/httpcode-lsp/httpcode-lsp/internal/occurrence"
	"github.com/httpcode-lsp/httpcode-lsp/internal/openapi"
)

// Markdown renders the hover for occ. src is the document, used to quote
// the key as written; goQualifier spells Go constants ("http", or "" for
// the bare name); custom holds the codes the configuration declares, with
// their phrases. It returns false when there is nothing to show.
func Markdown(occ occurrence.Occurrence, src []byte, goQualifier string, custom map[int]string) (string, bool) {
	var md string
	switch {
	case occ.Default:
		md = openapi.DefaultMarkdown
	case occ.Boundary:
		b, ok := boundaryMarkdown(occ.Code)
		if !ok {
			return "", false
		}
		md = b
	case occ.Class != 0:
		c, ok := catalog.Class(occ.Class)
		if !ok {
			return "", false
		}
		md = c.Markdown()
		if written := text(src, occ); bytes.ContainsRune(written, 'x') {
			md += fmt.Sprintf("\n> **Note:** OpenAPI spells range keys in upper case: `%dXX`, not `%s`.\n", occ.Class, written)
		}
	default:
		phrase, declared := custom[occ.Code]
		e, ok := catalog.Lookup(occ.Code)
		switch {
		case ok:
			md = e.Markdown(goQualifier)
			if declared && phrase != e.Phrase {
				md += fmt.Sprintf("\n**This project:** its configuration declares %d as \"%s\".\n", occ.Code, phrase)
			}
		case declared:
			md = catalog.CustomEntry(occ.Code, phrase).Markdown(goQualifier)
		default:
			u, ok := catalog.UnregisteredEntry(occ.Code)
			if !ok {
				return "", false
			}
			md = u.Markdown(goQualifier)
		}
	}
	if occ.Kind == occurrence.ResponseKey && occ.Context != "" {
		md += fmt.Sprintf("\n**Response of:** `%s`\n", occ.Context)
	}
	return md, true
}

// boundaryMarkdown renders a code an ordering comparison uses as a class
// boundary (resp.StatusCode >= 400): which class it opens or closes, what
// the comparison reads as, and the class itself.
func boundaryMarkdown(code int) (string, bool) {
	class, opens := code/100, code%100 == 0
	switch {
	case code == 600:
		class = 5
	case code%100 != 0 && code%100 != 99:
		return "", false
	}
	c, ok := catalog.Class(class)
	if !ok {
		return "", false
	}
	first, last := class*100, class*100+99
	var line string
	switch {
	case code == 600:
		line = fmt.Sprintf("Compared in order, `600` is the end of the last class, **%s** (%d–%d): `< 600` reads as \"a code of a known class\".",
			c.Label(), first, last)
	case opens:
		line = fmt.Sprintf("Compared in order, `%d` is where the **%s** class starts (%d–%d): `>= %d` reads as \"%dxx or above\", `< %d` as \"below %dxx\".",
			code, c.Label(), first, last, code, class, code, class)
	default:
		line = fmt.Sprintf("Compared in order, `%d` is where the **%s** class ends (%d–%d): `<= %d` reads as \"%dxx or below\", `> %d` as \"above %dxx\".",
			code, c.Label(), first, last, code, class, code, class)
	}
	return fmt.Sprintf("### Class boundary: %d\n\n%s\n\n%s", code, line, c.Markdown()), true
}

func text(src []byte, occ occurrence.Occurrence) []byte {
	if occ.Start < 0 || occ.End > len(src) || occ.Start > occ.End {
		return nil
	}
	return bytes.Trim(src[occ.Start:occ.End], `'"`)
}
