// swaggo.go: handlers annotated for swaggo (// @Success 200 {object} T,
// // @Router /books/{id} [get]), whose annotations are a contract of their
// own, written beside the code.

package contract

import (
	"go/ast"
	"strings"

	"github.com/httpcode-lsp/httpcode-lsp/internal/occurrence"
	"github.com/httpcode-lsp/httpcode-lsp/internal/routes"
)

// Annotated is a function whose doc comment holds swaggo annotations.
type Annotated struct {
	// Name is the function's name; FilePath its file and NameStart,
	// NameEnd the range of its name there.
	Name               string
	FilePath           string
	NameStart, NameEnd int
	// Codes are the codes of its @Success, @Failure and @Response lines.
	Codes []AnnotationCode
	// Router is its @Router line, nil when it has none.
	Router *Router
	// Insert is the offset of the line after the last line that lists
	// codes (or after @Router, or the doc comment's end), where a fix adds
	// one; Prefix is how that line starts ("// "). SuccessType and
	// FailureType are the type parts of its first @Success and @Failure
	// ("{object} Book"), "" when it has none.
	Insert int
	Prefix string
	// Sep is what separates the fields of that line: a blank or, where
	// gofmt aligned them, a tab.
	Sep                      string
	SuccessType, FailureType string
	Sends                    Sends
	// Routes are the routes the function handles.
	Routes []*Route

	node ast.Node
}

// AnnotationCode is one code of an annotation line.
type AnnotationCode struct {
	Code       int
	Start, End int
	// Attr is the annotation: @Success, @Failure or @Response.
	Attr string
}

// Lists reports whether the annotations list code.
func (a *Annotated) Lists(code int) bool {
	for _, c := range a.Codes {
		if c.Code == code {
			return true
		}
	}
	return false
}

// Router is a @Router line: its path and method, and the range of the
// text "path [method]".
type Router struct {
	Method, Path string
	Start, End   int
}

// annotated returns the package's annotated functions.
func (p *pkg) annotated() []*Annotated {
	var out []*Annotated
	for i, syn := range p.syns {
		if syn.File == nil {
			continue
		}
		for _, d := range syn.File.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Doc == nil || fd.Body == nil {
				continue
			}
			if a := p.readAnnotations(i, fd); a != nil {
				a.Sends = p.handlerSends(routes.Handler{Name: fd.Name.Name, Funcs: []routes.Func{{File: i, Node: fd}}})
				out = append(out, a)
			}
		}
	}
	return out
}

// readAnnotations reads a function's doc comment; nil when it holds no
// @Router and no code annotation.
func (p *pkg) readAnnotations(file int, fd *ast.FuncDecl) *Annotated {
	src := p.files[file].Src
	ds, de := p.offset(file, fd.Doc.Pos()), p.offset(file, fd.Doc.End())
	if ds < 0 || de > len(src) || !strings.Contains(string(src[ds:de]), "@") {
		return nil
	}
	a := &Annotated{Name: fd.Name.Name, FilePath: p.files[file].Path, NameStart: p.offset(file, fd.Name.Pos()),
		NameEnd: p.offset(file, fd.Name.End()), Insert: -1, node: fd}
	for _, o := range p.scans[file].Occurrences {
		if o.Start >= ds && o.End <= de && o.Kind == occurrence.Annotation && o.Context != "@Header" {
			a.Codes = append(a.Codes, AnnotationCode{Code: o.Code, Start: o.Start, End: o.End, Attr: o.Context})
		}
	}
	lastCodes, lastAny := -1, -1
	for _, c := range fd.Doc.List {
		start := p.offset(file, c.Pos())
		if start < 0 || !strings.HasPrefix(c.Text, "//") {
			continue
		}
		body := c.Text[2:]
		trimmed := strings.TrimLeft(body, " \t")
		if !strings.HasPrefix(trimmed, "@") {
			continue
		}
		prefix := c.Text[:len(c.Text)-len(trimmed)]
		attr, rest := trimmed[1:], ""
		if i := strings.IndexAny(attr, " \t"); i >= 0 {
			attr, rest = attr[:i], attr[i:]
		}
		end := start + len(c.Text)
		switch strings.ToLower(attr) {
		case "router":
			a.Router = parseRouter(rest, end-len(rest))
			lastAny = end
			a.Prefix = prefix
		case "success", "failure", "response":
			lastCodes = end
			a.Prefix = prefix
			a.Sep = " "
			if strings.HasPrefix(rest, "\t") {
				a.Sep = "\t"
			}
			if t := typePart(rest); t != "" {
				switch {
				case strings.EqualFold(attr, "success") && a.SuccessType == "":
					a.SuccessType = t
				case strings.EqualFold(attr, "failure") && a.FailureType == "":
					a.FailureType = t
				}
			}
		}
	}
	if len(a.Codes) == 0 && a.Router == nil {
		return nil
	}
	switch {
	case lastCodes >= 0:
		a.Insert = lineAfter(src, lastCodes)
	case lastAny >= 0:
		a.Insert = lineAfter(src, lastAny)
	}
	return a
}

// lineAfter returns the offset after the line break that ends the line
// holding off.
func lineAfter(src []byte, off int) int {
	for off < len(src) && src[off] != '\n' {
		off++
	}
	return min(off+1, len(src))
}

// parseRouter reads "/books/{id} [get]" written at offset at.
func parseRouter(rest string, at int) *Router {
	lead := len(rest) - len(strings.TrimLeft(rest, " \t"))
	fields := strings.Fields(rest)
	if len(fields) < 2 || !strings.HasPrefix(fields[1], "[") || !strings.HasSuffix(fields[1], "]") {
		return nil
	}
	end := strings.Index(rest, fields[1]) + len(fields[1])
	return &Router{Path: fields[0], Method: strings.ToUpper(strings.Trim(fields[1], "[]")), Start: at + lead, End: at + end}
}

// typePart returns the "{object} T" of an annotation's rest: "404
// {object} T "msg"" -> "{object} T".
func typePart(rest string) string {
	fields := strings.Fields(rest)
	if len(fields) >= 3 && strings.HasPrefix(fields[1], "{") && strings.HasSuffix(fields[1], "}") {
		return fields[1] + " " + fields[2]
	}
	return ""
}
