// yaml.go: items for OpenAPI response keys and plain YAML status values.
// A response key is inserted with a snippet of its body (description,
// the headers the code calls for, content where the code carries one),
// written in the document's syntax and indentation.

package complete

import (
	"fmt"
	"slices"
	"strings"

	"github.com/httpcode-lsp/httpcode-lsp/internal/catalog"
	"github.com/httpcode-lsp/httpcode-lsp/internal/openapi"
)

// YAML returns the items for a completion context of a YAML or JSON
// document, nil for none. custom holds the codes the configuration
// declares, with their phrases.
func YAML(c openapi.Completion, custom map[int]string) []Item {
	switch c.Kind {
	case openapi.ResponseKeyCompletion:
		return responseKeys(c, custom)
	case openapi.StatusValueCompletion:
		return statusValues(c, custom)
	}
	return nil
}

// offered reports whether a code is offered at all: the registered and
// unofficial codes of 100..599 that have a meaning.
func offered(e *catalog.Entry) bool {
	return e.Registration != catalog.Unused && e.Code >= 100 && e.Code <= 599
}

func responseKeys(c openapi.Completion, custom map[int]string) []Item {
	present := map[openapi.Status]bool{}
	for _, s := range c.Present {
		s.Lowercase = false
		present[s] = true
	}
	rank := methodRanking(c.Method, c.Path)
	all := entries(custom)
	items := make([]Item, 0, len(all)+5)
	for _, e := range all {
		if !offered(e) || present[openapi.Status{Code: e.Code}] {
			continue
		}
		key := fmt.Sprint(e.Code)
		items = append(items, keyItem(c, key, e.Title(), e.Markdown("http"), rank(e.Code), deprecated(e), func() []field { return codeBody(c, e) }))
	}
	if c.DocKind.Ranges() {
		for class := 2; class <= 5; class++ {
			info, ok := catalog.Class(class)
			if !ok || present[openapi.Status{Class: class}] {
				continue
			}
			key := fmt.Sprintf("%dXX", class)
			doc := fmt.Sprintf("### %s %s\n\nAny %s response for which the operation lists no exact code.\n\n%s",
				key, info.Name, info.Label(), strings.TrimSpace(info.Summary))
			items = append(items, keyItem(c, key, key+" "+info.Name, doc, fmt.Sprintf("4%d", class), false,
				func() []field { return []field{{key: "description", value: placeholder(1, info.Name)}} }))
		}
	}
	if !present[openapi.Status{Default: true}] {
		items = append(items, keyItem(c, "default", "default", openapi.DefaultMarkdown, "5", false,
			func() []field { return []field{{key: "description", value: placeholder(1, "Unexpected error")}} }))
	}
	return items
}

// keyItem builds the item inserting a response key and, where the key is
// new, its body (made only then).
func keyItem(c openapi.Completion, key, label, doc, sortText string, dep bool, body func() []field) Item {
	quote := string(rune(c.Quote))
	if c.JSON || c.Quote == 0 {
		quote = "'"
		if c.JSON {
			quote = `"`
		}
	}
	written := quote + key + quote
	if key == "default" && !c.JSON {
		written = "default"
	}
	// A quote typed stays where it is: the item replaces what follows
	// it, so that a client which inserts the text at the start of the
	// word before the cursor (Neovim's omnifunc) writes no second quote.
	detail := "response " + written
	start := c.Start
	if typed := c.Prefix; typed != "" && (typed[0] == '\'' || typed[0] == '"') {
		start++
		written = key + typed[:1]
	}
	it := Item{
		Label:         label,
		Detail:        detail,
		Documentation: doc,
		NewText:       written,
		Start:         start,
		End:           c.End,
		FilterText:    label,
		SortText:      sortText,
		Deprecated:    dep,
	}
	if c.HasValue {
		return it
	}
	it.Snippet = true
	it.PlainText = written + ":"
	if c.JSON {
		it.PlainText = written + ": {}"
		if c.TrailingComma {
			it.PlainText += ","
		}
	}
	if c.LeadingComma {
		it.AdditionalEdits = []Edit{{Start: c.CommaAt, End: c.CommaAt, NewText: ","}}
	}
	if c.JSON {
		it.NewText = renderJSON(c, snippetEscape(written), body())
	} else {
		it.NewText = renderYAML(c, snippetEscape(written), body())
	}
	return it
}

// field is one entry of an inserted body: a scalar value (snippet text,
// escaped) or nested fields.
type field struct {
	key    string
	value  string
	fields []field
}

// renderYAML writes key: and the body below it, every line after the
// first indented absolutely (the server inserts the text as is).
func renderYAML(c openapi.Completion, key string, body []field) string {
	var b strings.Builder
	b.WriteString(key + ":")
	var write func(fs []field, depth int)
	write = func(fs []field, depth int) {
		for _, f := range fs {
			b.WriteString(newline(c) + c.Indent + strings.Repeat(c.IndentUnit, depth) + snippetEscape(f.key) + ":")
			if f.fields != nil {
				write(f.fields, depth+1)
			} else {
				b.WriteString(" " + f.value)
			}
		}
	}
	write(body, 1)
	b.WriteString("$0")
	return b.String()
}

// renderJSON writes "key": { ... } with the commas the position needs.
func renderJSON(c openapi.Completion, key string, body []field) string {
	var b strings.Builder
	b.WriteString(key + ": {")
	var write func(fs []field, depth int)
	write = func(fs []field, depth int) {
		for i, f := range fs {
			b.WriteString(newline(c) + c.Indent + strings.Repeat(c.IndentUnit, depth) + snippetEscape(`"`+f.key+`"`) + ": ")
			if f.fields != nil {
				b.WriteString("{")
				write(f.fields, depth+1)
				b.WriteString(newline(c) + c.Indent + strings.Repeat(c.IndentUnit, depth) + "\\}")
			} else {
				b.WriteString(`"` + f.value + `"`)
			}
			if i < len(fs)-1 {
				b.WriteString(",")
			}
		}
	}
	write(body, 1)
	b.WriteString(newline(c) + c.Indent + "\\}$0")
	if c.TrailingComma {
		b.WriteString(",")
	}
	return b.String()
}

// newline returns the document's line ending.
func newline(c openapi.Completion) string {
	if c.Newline == "" {
		return "\n"
	}
	return c.Newline
}

// snippetEscape escapes the characters special in LSP snippet text.
func snippetEscape(s string) string { return snippetEscaper.Replace(s) }

// snippetEscaper is built once: building a Replacer costs more than
// using it, and completion escapes every item's text.
var snippetEscaper = strings.NewReplacer(`\`, `\\`, `$`, `\$`, `}`, `\}`)

// placeholder is tab stop n with default text.
func placeholder(n int, text string) string {
	return fmt.Sprintf("${%d:%s}", n, snippetEscape(text))
}

// headerNotes describe, in a few words, the headers a body snippet
// declares.
var headerNotes = map[string]string{
	"Location":           "URL of the resource",
	"WWW-Authenticate":   "Authentication scheme and parameters",
	"Proxy-Authenticate": "Proxy authentication scheme",
	"Allow":              "Methods the resource supports",
	"Retry-After":        "Seconds to wait before retrying",
	"Upgrade":            "Protocol switched to",
	"Content-Range":      "Range of the content sent",
}

// codeBody returns the body inserted with a code's key: its description,
// the headers it calls for (those the RFCs require, Location for 201,
// Retry-After for 429 and 503), and content where the code carries some.
func codeBody(c openapi.Completion, e *catalog.Entry) []field {
	stop := 1
	next := func(text string) string {
		p := placeholder(stop, text)
		stop++
		return p
	}
	body := []field{{key: "description", value: next(e.Phrase)}}
	var headers []field
	for _, h := range e.Headers {
		if !h.Required && !(e.Code == 201 || e.Code == 429 || e.Code == 503) {
			continue
		}
		note := headerNotes[h.Name]
		if note == "" {
			note = h.Name
		}
		hf := field{key: h.Name}
		if c.DocKind == openapi.Swagger2 {
			hf.fields = []field{{key: "description", value: next(note)}, {key: "type", value: "string"}}
		} else {
			hf.fields = []field{{key: "description", value: next(note)},
				{key: "schema", fields: []field{{key: "type", value: "string"}}}}
		}
		headers = append(headers, hf)
	}
	if len(headers) > 0 {
		body = append(body, field{key: "headers", fields: headers})
	}
	if carriesContent(e) {
		schema := field{key: "schema", fields: []field{{key: "type", value: next("object")}}}
		if c.DocKind == openapi.Swagger2 {
			body = append(body, schema)
		} else {
			body = append(body, field{key: "content", fields: []field{
				{key: "application/json", fields: []field{schema}}}})
		}
	}
	return body
}

// carriesContent tells whether a response of the code usually has a body
// worth declaring: success with content, client and server errors; not
// 1xx, 204, 205, 304 (which must not) nor redirects (which rarely do).
func carriesContent(e *catalog.Entry) bool {
	if !e.BodyAllowed {
		return false
	}
	switch e.Code / 100 {
	case 2, 4, 5:
		return true
	}
	return false
}

// methodRanking returns the sort key of a response code for an operation,
// after the REST table of the seed notes: the codes the method usually
// answers with first, then the catalog's common codes, then the other
// registered codes by number; last the unofficial and deprecated codes and
// those the method-status-mismatch rule flags for the method (201 on GET,
// HEAD and DELETE). Range keys sort after ("4N"), default last ("5").
func methodRanking(method, path string) func(code int) string {
	var preferred, unfit []int
	switch method {
	case "POST":
		preferred = []int{201, 400, 409, 422}
	case "GET", "HEAD":
		preferred = []int{200, 400, 404}
		if itemPath(path) {
			preferred = []int{200, 404}
		}
		unfit = []int{201}
	case "PUT", "PATCH":
		preferred = []int{200, 204, 404, 400, 422}
	case "DELETE":
		preferred = []int{204, 404}
		unfit = []int{201}
	}
	pref := map[int]int{}
	for i, code := range preferred {
		pref[code] = i
	}
	common := map[int]int{}
	for i, code := range catalog.Common() {
		common[code] = i
	}
	return func(code int) string {
		if slices.Contains(unfit, code) {
			return fmt.Sprintf("3%03d", code)
		}
		if i, ok := pref[code]; ok {
			return fmt.Sprintf("0%03d", i)
		}
		if i, ok := common[code]; ok {
			return fmt.Sprintf("1%03d", i)
		}
		if e, ok := catalog.Lookup(code); ok && (e.Registration == catalog.Unofficial || deprecated(e)) {
			return fmt.Sprintf("3%03d", code)
		}
		return fmt.Sprintf("2%03d", code)
	}
}

// itemPath reports whether a path names one item: its last segment is a
// parameter (/items/{id}).
func itemPath(path string) bool {
	path = strings.TrimSuffix(path, "/")
	seg := path[strings.LastIndexByte(path, '/')+1:]
	return strings.HasPrefix(seg, "{") && strings.HasSuffix(seg, "}")
}

// statusValues returns the codes for a status value in plain YAML.
func statusValues(c openapi.Completion, custom map[int]string) []Item {
	context := ""
	k := strings.ToLower(c.Key)
	switch {
	case strings.Contains(k, "redirect"):
		context = "Redirect"
	case strings.Contains(k, "retr") || strings.Contains(k, "error"):
		context = "Error"
	}
	rank := ranking(context)
	// An annotation's value (a key with a domain prefix, such as
	// nginx.ingress.kubernetes.io/permanent-redirect-code) must be a
	// string: write the code quoted unless the quotes are typed already.
	quote := ""
	if !c.Quoted && strings.Contains(c.Key, "/") {
		quote = `"`
	}
	var items []Item
	for _, e := range entries(custom) {
		if !offered(e) {
			continue
		}
		code := fmt.Sprint(e.Code)
		items = append(items, Item{
			Label:         e.Title(),
			Detail:        c.Key + ": " + quote + code + quote,
			Documentation: e.Markdown("http"),
			NewText:       quote + code + quote,
			Start:         c.Start,
			End:           c.End,
			FilterText:    e.Title(),
			SortText:      rank(e.Code),
			Deprecated:    deprecated(e),
		})
	}
	return items
}
