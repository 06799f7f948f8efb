// openapi.go: the rules over an OpenAPI document's response maps.

package lint

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/httpcode-lsp/httpcode-lsp/internal/catalog"
	"github.com/httpcode-lsp/httpcode-lsp/internal/openapi"
	"github.com/httpcode-lsp/httpcode-lsp/internal/yamldoc"
)

// responses calls fn for every entry of every response map.
func responses(doc *openapi.Document, fn func(rm *openapi.ResponseMap, r *openapi.Response)) {
	for _, rm := range doc.ResponseMaps {
		for _, r := range rm.Entries {
			fn(rm, r)
		}
	}
}

// keyText returns the key as written between its quotes, and whether that
// is the key's value (no escapes): only then may a fix rewrite it.
func keyText(src []byte, r *openapi.Response) (string, bool) {
	if r.CodeStart < 0 || r.CodeEnd > len(src) || r.CodeStart > r.CodeEnd {
		return "", false
	}
	s := string(src[r.CodeStart:r.CodeEnd])
	return s, s == r.Key
}

// mapIndex is what the rules ask of a responses map, gathered once: a
// map may be large, and a rule asks for every entry.
type mapIndex struct {
	keys    map[string]int // entries by key as written
	codes   map[int]bool
	classes map[int]bool // range keys, 1..5
	def     bool
}

// index returns the map's index, built on first use.
func (p *Pass) index(rm *openapi.ResponseMap) *mapIndex {
	if idx, ok := p.indexes[rm]; ok {
		return idx
	}
	idx := &mapIndex{keys: make(map[string]int, len(rm.Entries)), codes: map[int]bool{}, classes: map[int]bool{}}
	for _, r := range rm.Entries {
		idx.keys[r.Key]++
		switch s := r.Status; {
		case s.Code != 0:
			idx.codes[s.Code] = true
		case s.Class != 0:
			idx.classes[s.Class] = true
		case s.Default:
			idx.def = true
		}
	}
	if p.indexes != nil {
		p.indexes[rm] = idx
	}
	return idx
}

// has reports whether the map holds the code.
func (p *Pass) has(rm *openapi.ResponseMap, code int) bool { return p.index(rm).codes[code] }

// hasKey reports whether the map holds an entry with key value k.
func (p *Pass) hasKey(rm *openapi.ResponseMap, k string) bool { return p.index(rm).keys[k] > 0 }

// coversClass reports whether the map holds the class's range or default.
func (p *Pass) coversClass(rm *openapi.ResponseMap, class int) bool {
	idx := p.index(rm)
	return idx.classes[class] || idx.def
}

// target returns the response holding r's content and headers, false
// when a $ref on the way cannot be followed and nothing is known of them.
func target(r *openapi.Response) (*openapi.Response, bool) {
	t := r.Target()
	if t.Ref != nil && t.Resolved == nil {
		return nil, false
	}
	return t, true
}

// owned reports whether a response's value is written inside its own
// entry, not reached through an alias: only then may a safe fix edit it.
func owned(d *yamldoc.Doc, r *openapi.Response) bool {
	if r.Node == nil {
		return false
	}
	s, e := d.NodeRange(r.Node)
	return s >= r.Start && e <= r.End
}

// hasContent reports whether a response declares content: media types
// (3.x) or a schema (2.0).
func hasContent(kind openapi.Kind, r *openapi.Response) bool {
	switch kind {
	case openapi.Swagger2:
		return r.Schema != nil
	case openapi.OpenAPI30, openapi.OpenAPI31:
		return len(r.Content) > 0
	}
	return len(r.Content) > 0 || r.Schema != nil
}

// pathKind reports whether an operation serves a path of the API, as
// opposed to a webhook or callback that the API's clients answer.
func pathKind(op *openapi.Operation) bool {
	return op != nil && (op.Kind == openapi.PathOperation || op.Kind == openapi.PathItemOperation)
}

func keyRange(r *openapi.Response) (int, int) { return r.KeyStart, r.KeyEnd }

// ---------------------------------------------------------------- invalid

func runInvalid(p *Pass) {
	if p.Doc == nil {
		invalidGo(p)
		return
	}
	doc := p.Doc
	responses(doc, func(rm *openapi.ResponseMap, r *openapi.Response) {
		s := r.Status
		written, exact := keyText(p.Src, r)
		f := Finding{Start: r.KeyStart, End: r.KeyEnd}
		fixTo := ""
		switch {
		case s.Invalid:
			want := "a code 100–599, a range 1XX–5XX or default"
			if !doc.Kind.Ranges() {
				want = "a code 100–599 or default"
			}
			f.Message = fmt.Sprintf("response key %s is not a status; use %s", quoteKey(r.Key), want)
			switch up := strings.ToUpper(strings.TrimSpace(r.Key)); {
			case strings.EqualFold(strings.TrimSpace(r.Key), "default"):
				fixTo = "default"
			case doc.Kind.Ranges() && openapi.ParseStatus(up).Class != 0:
				fixTo = up
			case openapi.ParseStatus(strings.TrimSpace(r.Key)).Code != 0:
				fixTo = strings.TrimSpace(r.Key)
			}
		case s.Class != 0 && !doc.Kind.Ranges():
			f.Message = fmt.Sprintf("Swagger 2.0 has no range keys; replace %s with the codes it stands for", quoteKey(r.Key))
		case s.Lowercase:
			up := strings.ToUpper(r.Key)
			f.Message = fmt.Sprintf("range keys are upper case; write %s", quoteKey(up))
			fixTo = up
		default:
			return
		}
		if fixTo != "" && exact && fixTo != written && !p.hasKey(rm, fixTo) {
			f.Fixes = []Fix{{Title: "Change to " + fixTo, Safe: true,
				Edits: []Edit{{Start: r.CodeStart, End: r.CodeEnd, NewText: fixTo}}}}
		}
		p.Report(f)
	})
}

func quoteKey(k string) string {
	if strings.ContainsAny(k, "'\n") || len(k) > 40 {
		return strconv.Quote(truncate(k, 40))
	}
	return "'" + k + "'"
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return strings.ToValidUTF8(s[:n], "") + "…"
}

// ---------------------------------------------------------------- unquoted

func runUnquoted(p *Pass) {
	doc := p.Doc
	if doc.Kind == openapi.Swagger2 || doc.JSON {
		return
	}
	var (
		last   *openapi.ResponseMap
		q      byte
		counts map[string]int
	)
	responses(doc, func(rm *openapi.ResponseMap, r *openapi.Response) {
		if !r.IntKey || r.Status.Code == 0 {
			return
		}
		if rm != last {
			last, q, counts = rm, quoteStyle(rm), p.index(rm).keys
		}
		written, exact := keyText(p.Src, r)
		f := Finding{Start: r.KeyStart, End: r.KeyEnd,
			Message: fmt.Sprintf("response key %s is a YAML integer; quote it: %c%s%c", r.Key, q, r.Key, q)}
		if exact && written == r.Key && counts[r.Key] == 1 {
			f.Fixes = []Fix{{Title: "Quote the key", Safe: true,
				Edits: []Edit{{Start: r.KeyStart, End: r.KeyEnd, NewText: string(q) + written + string(q)}}}}
		}
		p.Report(f)
	})
}

// quoteStyle returns the quote the map's quoted keys use, ' by default.
func quoteStyle(rm *openapi.ResponseMap) byte {
	single, double := 0, 0
	for _, r := range rm.Entries {
		switch r.Quote {
		case '\'':
			single++
		case '"':
			double++
		}
	}
	if double > single {
		return '"'
	}
	return '\''
}

// ---------------------------------------------------------------- unknown

func runUnknown(p *Pass) {
	if p.Doc == nil {
		unknownGo(p)
		return
	}
	responses(p.Doc, func(rm *openapi.ResponseMap, r *openapi.Response) {
		if r.Status.Code == 0 {
			return
		}
		if msg, sev, ok := unknownMessage(p, r.Status.Code); ok {
			p.Report(Finding{Start: r.KeyStart, End: r.KeyEnd, Message: msg, Severity: sev})
		}
	})
}

// unknownMessage tells what is wrong with an unregistered code, false
// when nothing is.
func unknownMessage(p *Pass, code int) (string, Severity, bool) {
	if p.custom(code) {
		return "", Off, false
	}
	e, ok := catalog.Lookup(code)
	if !ok {
		return fmt.Sprintf("%d is not a registered status code; use a registered code, or declare %d as a custom code", code, code), Warning, true
	}
	if e.Registration != catalog.Unofficial {
		return "", Off, false
	}
	return fmt.Sprintf("%d is not a registered status code; it is %s — use a registered code, or declare %d as a custom code",
		code, originOf(e), code), Info, true
}

// originOf names an unofficial code as "nginx's Client Closed Request".
func originOf(e *catalog.Entry) string {
	who := e.Spec.Doc
	switch {
	case who == "":
		return e.Phrase
	case strings.Contains(who, "convention"):
		return e.Phrase + ", an " + who
	case strings.HasSuffix(who, "s"):
		return who + "' " + e.Phrase
	}
	return who + "'s " + e.Phrase
}

// ---------------------------------------------------------------- deprecated

func runDeprecated(p *Pass) {
	if p.Doc == nil {
		deprecatedGo(p)
		return
	}
	responses(p.Doc, func(rm *openapi.ResponseMap, r *openapi.Response) {
		if msg, ok := deprecatedMessage(p, r.Status.Code); ok {
			p.Report(Finding{Start: r.KeyStart, End: r.KeyEnd, Message: msg})
		}
	})
}

var deprecatedAdvice = map[int]string{
	305: "use another code: clients ignore it",
	306: "use another code: it has no meaning",
	418: "use 403 or 429 to refuse a request",
	510: "use 501 or 400 instead",
}

func deprecatedMessage(p *Pass, code int) (string, bool) {
	if code == 0 || p.custom(code) {
		return "", false
	}
	e, ok := catalog.Lookup(code)
	if !ok {
		return "", false
	}
	advice := deprecatedAdvice[code]
	if advice == "" {
		advice = "use another code"
	}
	switch e.Registration {
	case catalog.Deprecated:
		return fmt.Sprintf("%s is deprecated (%s); %s", e.Title(), e.Spec, advice), true
	case catalog.Unused:
		return fmt.Sprintf("%d is reserved and unused in HTTP (%s); %s", code, e.Spec, advice), true
	}
	return "", false
}

// ---------------------------------------------------------------- no success

func runNoSuccess(p *Pass) {
	for _, op := range p.Doc.Operations {
		rm := op.Responses
		if rm == nil {
			continue
		}
		ok := false
		for _, r := range rm.Entries {
			s := r.Status
			if s.Code == 101 || s.Code >= 200 && s.Code < 400 || s.Class == 2 || s.Class == 3 {
				ok = true
				break
			}
		}
		if !ok {
			p.Report(Finding{Start: rm.KeyStart, End: rm.KeyEnd,
				Message: fmt.Sprintf("%s documents no success response; add its 2xx (or 3xx) response", op.Context)})
		}
	}
}

// ---------------------------------------------------------------- body not allowed

// noContent reports whether responses with the status must not carry
// content, and names the rule's source.
func noContent(s openapi.Status) (string, bool) {
	if s.Class == 1 || s.Code >= 100 && s.Code < 200 {
		return "RFC 9110 §15.2", true
	}
	if s.Code == 0 {
		return "", false
	}
	e, ok := catalog.Lookup(s.Code)
	if !ok || e.BodyAllowed {
		return "", false
	}
	return e.Spec.String(), true
}

func runBodyNotAllowed(p *Pass) {
	if p.Doc == nil {
		bodyNotAllowedGo(p)
		return
	}
	doc := p.Doc
	ed := newMapEditor(doc.Doc, doc.JSON)
	responses(doc, func(rm *openapi.ResponseMap, r *openapi.Response) {
		source, ok := noContent(r.Status)
		if !ok {
			return
		}
		t, ok := target(r)
		if !ok || !hasContent(doc.Kind, t) {
			return
		}
		key, name := t.ContentKey, "content"
		if key == nil || len(t.Content) == 0 {
			key, name = t.Schema, "schema"
		}
		what := r.Key
		if r.Status.Class == 1 {
			what = "1xx"
		}
		if t != r {
			rs, re := keyRange(r)
			if r.Ref != nil {
				rs, re = r.Ref.Start, r.Ref.End
			}
			p.Report(Finding{Start: rs, End: re,
				Message: fmt.Sprintf("a %s response has no content (%s), but the response it refers to declares %s; refer to one without it",
					what, source, name),
				Related: []Related{{Start: key.Start, End: key.End, Message: name + " declared here"}}})
			return
		}
		f := Finding{Start: key.Start, End: key.End,
			Message: fmt.Sprintf("a %s response has no content (%s); remove %s", what, source, name)}
		phrase := "No Content"
		if ph, ok := p.phrase(r.Status.Code); ok && r.Status.Code != 0 {
			phrase = ph
		}
		if i := directPair(r.Node, name); i >= 0 {
			if e, ok := ed.removeEntry(r.Node, i, snippet{key: "description", value: phrase}); ok {
				f.Fixes = []Fix{{Title: "Remove " + name, Edits: []Edit{e}, Safe: owned(doc.Doc, r)}}
			}
		}
		p.Report(f)
	})
}

// ---------------------------------------------------------------- missing header

type expectedHeader struct {
	name, desc string
}

func expectedHeaderOf(code int) (expectedHeader, bool) {
	switch code {
	case 201:
		return expectedHeader{"Location", "URI of the created resource"}, true
	case 301, 302, 303, 307, 308:
		return expectedHeader{"Location", "URI to redirect to"}, true
	case 401:
		return expectedHeader{"WWW-Authenticate", "Authentication challenge for this resource"}, true
	case 405:
		return expectedHeader{"Allow", "Methods the resource supports"}, true
	case 407:
		return expectedHeader{"Proxy-Authenticate", "Authentication challenge of the proxy"}, true
	case 429:
		return expectedHeader{"Retry-After", "Seconds (or an HTTP date) to wait before retrying"}, true
	case 206, 416:
		return expectedHeader{"Content-Range", "Range of the representation this response carries"}, true
	}
	return expectedHeader{}, false
}

// headerSnippet is the header object the fix inserts.
func headerSnippet(kind openapi.Kind, h expectedHeader) snippet {
	if kind == openapi.Swagger2 {
		return snippet{key: h.name, kids: []snippet{{key: "type", value: "string"}}}
	}
	return snippet{key: h.name, kids: []snippet{
		{key: "description", value: h.desc},
		{key: "schema", kids: []snippet{{key: "type", value: "string"}}},
	}}
}

func runMissingHeader(p *Pass) {
	doc := p.Doc
	ed := newMapEditor(doc.Doc, doc.JSON)
	responses(doc, func(rm *openapi.ResponseMap, r *openapi.Response) {
		h, ok := expectedHeaderOf(r.Status.Code)
		if !ok {
			return
		}
		t, ok := target(r)
		if !ok || t.HasHeader(h.name) {
			return
		}
		source := ""
		if e, ok := catalog.Lookup(r.Status.Code); ok {
			source = " (" + e.Spec.String() + ")"
		}
		f := Finding{Start: r.KeyStart, End: r.KeyEnd,
			Message: fmt.Sprintf("a %d response should send %s%s; add the header", r.Status.Code, h.name, source)}
		if h.name == "Location" && r.Status.Code/100 == 3 {
			f.Severity = Warning
		}
		if e, own, ok := addHeader(ed, doc.Kind, t, h); ok {
			f.Fixes = []Fix{{Title: "Add the " + h.name + " header", Edits: []Edit{e},
				Safe: t == r && own && owned(doc.Doc, r)}}
		}
		p.Report(f)
	})
}

// addHeader returns the edit adding header h to response t; own tells
// that the mapping edited is written where t is (not an alias).
func addHeader(ed *mapEditor, kind openapi.Kind, t *openapi.Response, h expectedHeader) (e Edit, own, ok bool) {
	hs := headerSnippet(kind, h)
	if i := directPair(t.Node, "headers"); i >= 0 {
		k, v := t.Node.Content[i], t.Node.Content[i+1]
		ks, _ := ed.d.KeyRange(k)
		vs, _ := ed.d.NodeRange(v)
		e, ok = ed.appendEntry(v, ks, hs)
		return e, vs >= ks, ok
	}
	if t.HeadersKey != nil {
		return Edit{}, false, false // merged from elsewhere
	}
	e, ok = ed.appendEntry(t.Node, t.KeyStart, snippet{key: "headers", kids: []snippet{hs}})
	return e, true, ok
}

// ---------------------------------------------------------------- method/status

func runMethodMismatch(p *Pass) {
	doc := p.Doc
	for _, op := range doc.Operations {
		rm := op.Responses
		if rm == nil || !pathKind(op) {
			continue
		}
		for _, r := range rm.Entries {
			switch code := r.Status.Code; {
			case code == 200 && op.Method == "POST" && op.HasRequestBody && collectionPath(op.Path) &&
				!p.has(rm, 201) && !p.has(rm, 202):
				p.Report(Finding{Start: r.KeyStart, End: r.KeyEnd,
					Message: fmt.Sprintf("POST to the collection %s answers 200; answer 201 Created (or 202 Accepted) when it creates a resource", op.Path),
					Fixes:   changeCode(p, rm, r, 201)})
			case code == 201 && op.Method == "GET":
				p.Report(Finding{Start: r.KeyStart, End: r.KeyEnd,
					Message: "GET does not create resources; answer 200 OK instead of 201",
					Fixes:   changeCode(p, rm, r, 200)})
			case code == 201 && op.Method == "DELETE":
				p.Report(Finding{Start: r.KeyStart, End: r.KeyEnd,
					Message: "DELETE does not create resources; answer 204 No Content (or 200 with a body) instead of 201",
					Fixes:   changeCode(p, rm, r, 204)})
			case code == 200 && op.Method != "HEAD" && op.Method != "OPTIONS":
				t, ok := target(r)
				if !ok || hasContent(doc.Kind, t) {
					continue
				}
				if op.Method == "DELETE" {
					p.Report(Finding{Start: r.KeyStart, End: r.KeyEnd,
						Message: "DELETE answers 200 with no content; answer 204 No Content",
						Fixes:   changeCode(p, rm, r, 204)})
					continue
				}
				f := Finding{Start: r.KeyStart, End: r.KeyEnd,
					Message: "200 response declares no content; describe its content, or answer 204 No Content"}
				if op.Method != "GET" {
					f.Fixes = changeCode(p, rm, r, 204)
				}
				p.Report(f)
			}
		}
	}
}

// actionWords are last path segments of POST endpoints that do
// something rather than add to a collection.
var actionWords = map[string]bool{
	"search": true, "query": true, "queries": true, "login": true, "logout": true, "signin": true,
	"signout": true, "signup": true, "auth": true, "oauth": true, "token": true, "tokens": true,
	"refresh": true, "verify": true, "validate": true, "check": true, "checks": true, "batch": true,
	"bulk": true, "import": true, "imports": true, "export": true, "exports": true, "upload": true,
	"uploads": true, "graphql": true, "rpc": true, "webhooks": true, "callbacks": true,
	"events": true, "notifications": true, "actions": true, "calculations": true, "status": true,
	"settings": true, "preferences": true, "permissions": true, "results": true, "stats": true,
	"metrics": true, "logs": true, "analytics": true,
}

// collectionPath reports whether a path names a collection: its last
// segment is a plural noun, not a parameter, an action (…/search) or a
// custom method (…:cancel).
func collectionPath(path string) bool {
	path = strings.TrimRight(path, "/")
	seg := path[strings.LastIndexByte(path, '/')+1:]
	if seg == "" || strings.ContainsAny(seg, "{}:.") {
		return false
	}
	seg = strings.ToLower(seg)
	if actionWords[seg] {
		return false
	}
	if !strings.HasSuffix(seg, "s") {
		return false
	}
	for _, end := range []string{"ss", "us", "is"} {
		if strings.HasSuffix(seg, end) {
			return false
		}
	}
	return true
}

// changeCode returns the unsafe fix changing a response's code, with its
// description when that is the old code's phrase; nil when the new code
// is already in the map or the key cannot be rewritten.
func changeCode(p *Pass, rm *openapi.ResponseMap, r *openapi.Response, to int) []Fix {
	written, exact := keyText(p.Src, r)
	if !exact || p.has(rm, to) || written != strconv.Itoa(r.Status.Code) {
		return nil
	}
	edits := []Edit{{Start: r.CodeStart, End: r.CodeEnd, NewText: strconv.Itoa(to)}}
	if d := r.Description; d != nil {
		old, _ := p.phrase(r.Status.Code)
		if now, ok := p.phrase(to); ok && old != "" && normalizePhrase(d.Value) == normalizePhrase(old) {
			if e, ok := replaceScalar(p.Src, d, now); ok {
				edits = append(edits, e)
			}
		}
	}
	return []Fix{{Title: fmt.Sprintf("Change %d to %d", r.Status.Code, to), Edits: edits}}
}

// ---------------------------------------------------------------- not found, validation

func runMissingNotFound(p *Pass) {
	for _, op := range p.Doc.Operations {
		rm := op.Responses
		if rm == nil || !pathKind(op) || !strings.Contains(op.Path, "{") {
			continue
		}
		switch op.Method {
		case "GET", "PUT", "PATCH", "DELETE":
		default:
			continue
		}
		if p.has(rm, 404) || p.coversClass(rm, 4) {
			continue
		}
		p.Report(Finding{Start: rm.KeyStart, End: rm.KeyEnd,
			Message: fmt.Sprintf("%s documents no 404; add 404 Not Found for a %s that names nothing", op.Context, lastParam(op.Path))})
	}
}

// lastParam returns the last {parameter} of a path.
func lastParam(path string) string {
	i := strings.LastIndexByte(path, '{')
	j := strings.LastIndexByte(path, '}')
	if i < 0 || j < i {
		return "parameter"
	}
	return path[i : j+1]
}

func runMissingValidation(p *Pass) {
	for _, op := range p.Doc.Operations {
		rm := op.Responses
		if rm == nil || !pathKind(op) || !op.HasRequestBody {
			continue
		}
		if p.has(rm, 400) || p.has(rm, 422) || p.coversClass(rm, 4) {
			continue
		}
		p.Report(Finding{Start: rm.KeyStart, End: rm.KeyEnd,
			Message: fmt.Sprintf("%s takes a request body but documents no 400 or 422; add 400 Bad Request (or 422) for invalid input", op.Context)})
	}
}

// ---------------------------------------------------------------- 202

func runAcceptedWithoutBody(p *Pass) {
	doc := p.Doc
	responses(doc, func(rm *openapi.ResponseMap, r *openapi.Response) {
		if r.Status.Code != 202 || rm.Operation != nil && !pathKind(rm.Operation) {
			return
		}
		t, ok := target(r)
		if !ok || hasContent(doc.Kind, t) || t.HasHeader("Location") || t.HasHeader("Content-Location") {
			return
		}
		p.Report(Finding{Start: r.KeyStart, End: r.KeyEnd,
			Message: "202 response declares no content; return a job id or a link to a status monitor (or a Location header)"})
	})
}

// ---------------------------------------------------------------- redirects

func runRedirectMethodChange(p *Pass) {
	responses(p.Doc, func(rm *openapi.ResponseMap, r *openapi.Response) {
		op := rm.Operation
		if op == nil || (r.Status.Code != 301 && r.Status.Code != 302) {
			return
		}
		switch op.Method {
		case "GET", "HEAD", "OPTIONS":
			return
		}
		f := Finding{Start: r.KeyStart, End: r.KeyEnd}
		if r.Status.Code == 301 {
			f.Message = fmt.Sprintf("301 lets clients turn %s into GET; use 308 Permanent Redirect to keep the method", op.Method)
			f.Fixes = changeCode(p, rm, r, 308)
		} else {
			f.Message = fmt.Sprintf("302 lets clients turn %s into GET; use 303 See Other to send them to a result, or 307 to keep the method", op.Method)
			f.Fixes = append(changeCode(p, rm, r, 303), changeCode(p, rm, r, 307)...)
		}
		p.Report(f)
	})
}

// ---------------------------------------------------------------- descriptions

// normalizePhrase folds a description for comparison with phrases: case,
// blanks, a final period and typographic apostrophes.
func normalizePhrase(s string) string {
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	s = strings.TrimRight(s, ".!")
	return strings.ReplaceAll(s, "’", "'")
}

// notOthers are phrases that are ordinary words as much as phrases: a
// description saying them is not taken as another code's.
var notOthers = map[int]bool{102: true, 302: true}

// phraseOwners maps normalized phrases (and older names) to the code they
// belong to: the registered codes' and the custom codes'.
func phraseOwners(p *Pass) map[string]int {
	owners := map[string]int{}
	for _, e := range catalog.All() {
		switch e.Registration {
		case catalog.Registered, catalog.Deprecated, catalog.Provisional:
		default:
			continue
		}
		if notOthers[e.Code] {
			continue
		}
		owners[normalizePhrase(e.Phrase)] = e.Code
		for _, n := range e.OtherNames {
			if strings.HasPrefix(n.Source, "RFC") || strings.HasPrefix(n.Source, "net/http") {
				owners[normalizePhrase(n.Name)] = e.Code
			}
		}
	}
	for code, ph := range p.Options.CustomCodes {
		if ph != "" {
			owners[normalizePhrase(ph)] = code
		}
	}
	return owners
}

// ownPhrases returns the normalized phrases a code may be described by.
func ownPhrases(p *Pass, code int) map[string]bool {
	own := map[string]bool{}
	if ph, ok := p.Options.CustomCodes[code]; ok {
		own[normalizePhrase(ph)] = true
	}
	if e, ok := catalog.Lookup(code); ok {
		own[normalizePhrase(e.Phrase)] = true
		for _, n := range e.OtherNames {
			own[normalizePhrase(n.Name)] = true
		}
	}
	return own
}

func runDescriptionMismatch(p *Pass) {
	var owners map[string]int
	responses(p.Doc, func(rm *openapi.ResponseMap, r *openapi.Response) {
		code := r.Status.Code
		if code == 0 {
			return
		}
		t, ok := target(r)
		if !ok || t.Description == nil {
			return
		}
		desc := normalizePhrase(t.Description.Value)
		if desc == "" {
			return
		}
		// "404 Not Found" names a code as well as its phrase.
		prefix := ""
		if len(desc) > 4 && desc[3] == ' ' && isDigits(desc[:3]) {
			prefix, desc = desc[:3], desc[4:]
		}
		own := ownPhrases(p, code)
		if owners == nil {
			owners = phraseOwners(p)
		}
		other, ok := owners[desc]
		switch {
		case prefix == "" || prefix == strconv.Itoa(code):
			if own[desc] || !ok || other == code {
				return
			}
		case !ok || prefix != strconv.Itoa(other) || own[desc]:
			// "200 Not Found" on a 404: too confused to guess.
			return
		}
		phrase, ok := p.phrase(code)
		if !ok {
			return
		}
		otherPhrase, _ := p.phrase(other)
		written := strings.TrimSpace(t.Description.Value)
		if prefix != "" {
			written = strings.TrimSpace(written[3:])
		}
		if written == "" || len(written) > 60 || strings.ContainsAny(written, "\r\n") {
			written = otherPhrase
		}
		want := phrase
		if prefix != "" {
			want = strconv.Itoa(code) + " " + phrase
		}
		if t != r {
			rs, re := keyRange(r)
			if r.Ref != nil {
				rs, re = r.Ref.Start, r.Ref.End
			}
			p.Report(Finding{Start: rs, End: re,
				Message: fmt.Sprintf("%d refers to a response described as %d's %q; refer to a %d response", code, other, otherPhrase, code),
				Related: []Related{{Start: t.Description.Start, End: t.Description.End, Message: "described here"}}})
			return
		}
		f := Finding{Start: t.Description.Start, End: t.Description.End,
			Message: fmt.Sprintf("%q is %d's phrase, not %d's; use %q", written, other, code, want)}
		if e, ok := replaceScalar(p.Src, t.Description, want); ok {
			f.Fixes = []Fix{{Title: fmt.Sprintf("Use %q", want), Edits: []Edit{e}, Safe: true}}
		}
		p.Report(f)
	})
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// replaceScalar returns the edit writing value in place of a scalar, in
// the scalar's quoting style (plain where a block scalar stood).
func replaceScalar(src []byte, t *openapi.Text, value string) (Edit, bool) {
	if t.Start < 0 || t.End > len(src) || t.Start >= t.End {
		return Edit{}, false
	}
	var text string
	switch src[t.Start] {
	case '"':
		text = strconv.Quote(value)
	case '\'':
		text = "'" + strings.ReplaceAll(value, "'", "''") + "'"
	case '{', '[', '*', '&', '!':
		return Edit{}, false
	case '|', '>':
		// A block scalar becomes a plain one on the indicator's line,
		// keeping a comment written there.
		text = yamlPlain(value)
		line := src[t.Start:lineEnd(src, t.Start)]
		if i := strings.Index(string(line), " #"); i >= 0 {
			text += string(line[i:])
		}
	default:
		text = yamlPlain(value)
		if strings.ContainsAny(value, ",[]{}") {
			text = strconv.Quote(value)
		}
	}
	return Edit{Start: t.Start, End: t.End, NewText: text}, true
}
