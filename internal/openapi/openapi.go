package openapi

import (
	"strings"

	"github.com/httpcode-lsp/httpcode-lsp/internal/occurrence"
	"github.com/httpcode-lsp/httpcode-lsp/internal/yamldoc"
)

// Kind tells which rules a document follows.
type Kind int

const (
	// NotOpenAPI is a plain YAML or JSON document.
	NotOpenAPI Kind = iota
	// Swagger2 has a root `swagger: "2.0"`.
	Swagger2
	// OpenAPI30 has a root `openapi: 3.0.x`.
	OpenAPI30
	// OpenAPI31 has a root `openapi: 3.1.x` (or a later 3.x).
	OpenAPI31
	// Fragment has no root marker but response maps keyed by codes: a
	// piece of a split spec, read with the 3.x rules.
	Fragment
)

func (k Kind) String() string {
	switch k {
	case Swagger2:
		return "Swagger 2.0"
	case OpenAPI30:
		return "OpenAPI 3.0"
	case OpenAPI31:
		return "OpenAPI 3.1"
	case Fragment:
		return "OpenAPI fragment"
	}
	return "not OpenAPI"
}

// IsOpenAPI reports whether the document is OpenAPI in any version or a
// fragment of one.
func (k Kind) IsOpenAPI() bool { return k != NotOpenAPI }

// Ranges reports whether response keys may be ranges (4XX): OpenAPI 3.x
// and fragments, not Swagger 2.0.
func (k Kind) Ranges() bool { return k == OpenAPI30 || k == OpenAPI31 || k == Fragment }

// Document is the model of one OpenAPI document.
type Document struct {
	Kind Kind
	// Version is the version as written ("3.0.3", "2.0"), "" for a
	// fragment or a plain document.
	Version string
	// Operations lists every operation under paths, webhooks (3.1),
	// components.pathItems (3.1) and callbacks, in document order of
	// their path items; a fragment's operations are those whose
	// responses stand under a method key.
	Operations []*Operation
	// ResponseMaps lists every responses map: those of the operations
	// and, in a fragment, those under no method.
	ResponseMaps []*ResponseMap
	// Reusable lists the named responses of components.responses (3.x)
	// or the root responses (2.0), which $refs point to.
	Reusable []*Response
	// Errors holds the document's syntax error, if any (at most one).
	Errors []yamldoc.Error
	// Occurrences holds one occurrence per response key that is a code,
	// a range or default, sorted by offset.
	Occurrences []occurrence.Occurrence
	// JSON tells that the text is JSON rather than block YAML.
	JSON bool
	// Doc is the parsed text.
	Doc *yamldoc.Doc

	// jsonMarks speed up completion in a large JSON text.
	jsonMarks *jsonMarks
}

// OperationKind tells where an operation is declared.
type OperationKind int

const (
	PathOperation     OperationKind = iota // under paths
	WebhookOperation                       // under webhooks (3.1)
	CallbackOperation                      // in a callback of another operation or of components.callbacks
	PathItemOperation                      // under components.pathItems (3.1)
)

// Methods are the operation keys of a path item, lower case as written.
var Methods = []string{"get", "put", "post", "delete", "options", "head", "patch", "trace"}

func isMethod(s string) bool {
	for _, m := range Methods {
		if s == m {
			return true
		}
	}
	return false
}

// Operation is one operation of a path item.
type Operation struct {
	Method string // "GET"
	// Path is the path ("/items/{id}"), the webhook's name, the callback's
	// expression, or "" in a fragment that does not tell.
	Path string
	Kind OperationKind
	// Context is how occurrences name it: "DELETE /items/{id}".
	Context string
	// MethodStart and MethodEnd are the range of the method key; Start
	// and End that of the whole operation, key included.
	MethodStart, MethodEnd int
	Start, End             int
	// HasRequestBody tells that the operation takes a body: a 3.x
	// requestBody, or a 2.0 parameter in body or formData (path-level
	// parameters included).
	HasRequestBody bool
	// Responses is the operation's responses map, nil when it has none.
	Responses *ResponseMap
	// Parent is the operation a callback belongs to, nil otherwise.
	Parent *Operation
}

// ResponseMap is a `responses` mapping.
type ResponseMap struct {
	// Operation is the operation the map belongs to, nil for a map in a
	// fragment that stands under no method.
	Operation *Operation
	Context   string
	// KeyStart and KeyEnd are the range of the `responses` key; Start and
	// End that of its value.
	KeyStart, KeyEnd int
	Start, End       int
	Entries          []*Response
	Node             *yamldoc.Node
}

// Has reports whether the map holds a key with status s.
func (m *ResponseMap) Has(s Status) bool {
	for _, r := range m.Entries {
		if r.Status == s {
			return true
		}
	}
	return false
}

// Status is the meaning of a response key.
type Status struct {
	Code    int  // 100..599, else 0
	Class   int  // 1..5 for a range key 1XX..5XX, else 0
	Default bool // the key `default`
	// Lowercase marks a range written 4xx, which OpenAPI does not allow
	// (ranges are upper case).
	Lowercase bool
	// Invalid marks a key that is none of the above ('2000', '99', 'ok').
	Invalid bool
}

// Valid reports whether the key is a code, a range or default.
func (s Status) Valid() bool { return !s.Invalid && (s.Code != 0 || s.Class != 0 || s.Default) }

// ParseStatus reads a response key.
func ParseStatus(key string) Status {
	if key == "default" {
		return Status{Default: true}
	}
	if len(key) == 3 && key[0] >= '1' && key[0] <= '5' {
		switch {
		case isDigit(key[1]) && isDigit(key[2]):
			return Status{Code: int(key[0]-'0')*100 + int(key[1]-'0')*10 + int(key[2]-'0')}
		case key[1:] == "XX":
			return Status{Class: int(key[0] - '0')}
		case key[1:] == "xx":
			return Status{Class: int(key[0] - '0'), Lowercase: true}
		}
	}
	return Status{Invalid: true}
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// Text is a scalar of the document: its value and the range it is written
// in (quotes included).
type Text struct {
	Value      string
	Start, End int
}

// Response is one entry of a responses map, or a reusable response.
type Response struct {
	// Key is the key's value: "404", "4XX", "default"; for a reusable
	// response its name.
	Key string
	// KeyStart and KeyEnd are the key's range, quotes included;
	// CodeStart and CodeEnd the range of its text inside the quotes.
	KeyStart, KeyEnd   int
	CodeStart, CodeEnd int
	Status             Status
	// IntKey tells that the key is a YAML integer (unquoted 200:), not a
	// string; Quote is the quote character of a quoted key, 0 if none.
	IntKey bool
	Quote  byte
	// Start and End are the range of the whole entry, key included.
	Start, End int

	Description *Text
	// HeadersKey is the `headers` key, nil if absent.
	HeadersKey *Text
	Headers    []*Header
	// ContentKey is the 3.x `content` key and Content its media types.
	ContentKey *Text
	Content    []Text
	// Schema is the 2.0 `schema` key.
	Schema *Text
	// Ref is the response's own $ref; Resolved the reusable response a
	// local ref (#/components/responses/X, #/responses/X) points to.
	Ref      *Text
	Resolved *Response

	// Map is the map holding the entry, nil for a reusable response.
	Map *ResponseMap
	// Node is the entry's value.
	Node *yamldoc.Node
}

// Target follows the response's $ref through reusable responses and
// returns the response that holds its description, headers and content:
// the response itself when it has no resolved $ref.
func (r *Response) Target() *Response {
	for i := 0; r.Resolved != nil && i < 16; i++ {
		r = r.Resolved
	}
	return r
}

// Header is a header of a response.
type Header struct {
	Name       string // as written
	Start, End int    // the name's key
	// Ref is the header object's $ref; Resolved tells that it is local
	// (#/components/headers/X) and X exists.
	Ref      *Text
	Resolved bool
}

// HasHeader reports whether the response (or the one its $ref resolves to)
// declares a header, compared case-insensitively.
func (r *Response) HasHeader(name string) bool {
	for _, h := range r.Target().Headers {
		if strings.EqualFold(h.Name, name) {
			return true
		}
	}
	return false
}

// Parse reads a document and models it. A document that declares itself
// OpenAPI or Swagger is parsed without the parts nothing reads (unread).
func Parse(src []byte) *Document {
	if Declared(src) {
		return Model(yamldoc.ParsePruned(src, unread))
	}
	return Model(yamldoc.Parse(src))
}

// Model models a parsed document.
func Model(d *yamldoc.Doc) (doc *Document) {
	if d.Pruned() {
		if k, _ := detect(yamldoc.Deref(d.Root)); k == NotOpenAPI {
			// Pruned for a spec, it is none: a fragment's response
			// maps are searched for everywhere.
			d = yamldoc.Parse(d.Source())
		}
	}
	doc = &Document{Errors: d.Errors, JSON: d.IsJSON(), Doc: d, jsonMarks: &jsonMarks{}}
	defer func() {
		// The builder only reads a tree yaml.v3 built; should it meet a
		// shape it did not foresee, the document is left unmodelled
		// rather than the editor session lost.
		if recover() != nil {
			*doc = Document{Errors: d.Errors, JSON: d.IsJSON(), Doc: d, jsonMarks: &jsonMarks{}}
		}
	}()
	b := &builder{d: d, doc: doc, budget: len(d.Text()) + 10000,
		reusable: map[string]*Response{}, headers: map[string]bool{}, params: map[string]*yamldoc.Node{}}
	root := yamldoc.Deref(d.Root)
	doc.Kind, doc.Version = detect(root)
	switch doc.Kind {
	case NotOpenAPI:
		if b.fragment(d.Roots) {
			doc.Kind = Fragment
		}
	default:
		b.document(root)
	}
	b.occurrences()
	return doc
}

// detect reads the root marker.
func detect(root *yamldoc.Node) (Kind, string) {
	if v, ok := yamldoc.Scalar(get(root, "openapi")); ok {
		switch {
		case strings.HasPrefix(v, "3.0"):
			return OpenAPI30, v
		case strings.HasPrefix(v, "3."):
			return OpenAPI31, v
		}
	}
	if v, ok := yamldoc.Scalar(get(root, "swagger")); ok && strings.HasPrefix(v, "2") {
		return Swagger2, v
	}
	return NotOpenAPI, ""
}

func get(m *yamldoc.Node, key string) *yamldoc.Node {
	_, v := yamldoc.Get(m, key)
	return v
}

// builder builds a Document.
type builder struct {
	d   *yamldoc.Doc
	doc *Document
	// budget bounds the mapping entries visited, so that aliases cannot
	// make the model larger than the text.
	budget   int
	reusable map[string]*Response
	headers  map[string]bool          // names of components.headers
	params   map[string]*yamldoc.Node // 2.0 root parameters, by name
	// reusableContext names the reusable responses in occurrences.
	reusableContext string
}

// pairs returns the entries of a mapping: all yields them, merged ones
// (<<) after its own, charging each to the budget; nothing for anything
// else. It allocates nothing, where the slice of pairs it returned was
// a tenth of the garbage a spec of many small operations made.
func (b *builder) pairs(m *yamldoc.Node) entries { return entries{b, yamldoc.Deref(m)} }

// entries are the entries of a mapping the builder reads.
type entries struct {
	b *builder
	m *yamldoc.Node
}

func (e entries) all(yield func(k, v *yamldoc.Node) bool) {
	b, m := e.b, e.m
	if m == nil || m.Kind != yamldoc.MappingNode {
		return
	}
	merges := false
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if yamldoc.IsMerge(k) {
			merges = true
			continue
		}
		if b.budget <= 0 {
			return
		}
		b.budget--
		if !yield(k, v) {
			return
		}
	}
	for i := 0; merges && i+1 < len(m.Content); i += 2 {
		if !yamldoc.IsMerge(m.Content[i]) {
			continue
		}
		v := yamldoc.Deref(m.Content[i+1])
		if v == nil {
			continue
		}
		srcs := []*yamldoc.Node{v}
		if v.Kind == yamldoc.SequenceNode {
			srcs = v.Content
		}
		for _, s := range srcs {
			s = yamldoc.Deref(s)
			if s == nil || s.Kind != yamldoc.MappingNode {
				continue
			}
			for i := 0; i+1 < len(s.Content); i += 2 {
				if b.budget <= 0 {
					return
				}
				b.budget--
				if !yamldoc.IsMerge(s.Content[i]) && !yield(s.Content[i], s.Content[i+1]) {
					return
				}
			}
		}
	}
}

// document models a full OpenAPI or Swagger document.
func (b *builder) document(root *yamldoc.Node) {
	v3 := b.doc.Kind != Swagger2
	if v3 {
		comps := get(root, "components")
		for k := range b.pairs(get(comps, "headers")).all {
			b.headers[k.Value] = true
		}
		b.reusableResponses(get(comps, "responses"), "components.responses")
	} else {
		for k, v := range b.pairs(get(root, "parameters")).all {
			b.params[k.Value] = v
		}
		b.reusableResponses(get(root, "responses"), "responses")
	}
	for k, v := range b.pairs(get(root, "paths")).all {
		if strings.HasPrefix(k.Value, "x-") {
			continue
		}
		b.pathItem(v, k.Value, PathOperation, nil, 0)
	}
	if v3 {
		for k, v := range b.pairs(get(root, "webhooks")).all {
			b.pathItem(v, k.Value, WebhookOperation, nil, 0)
		}
		comps := get(root, "components")
		for k, v := range b.pairs(get(comps, "pathItems")).all {
			b.pathItem(v, k.Value, PathItemOperation, nil, 0)
		}
		for _, v := range b.pairs(get(comps, "callbacks")).all {
			b.callback(v, nil, 0)
		}
	}
}

// reusableResponses models the named responses.
func (b *builder) reusableResponses(m *yamldoc.Node, context string) {
	for k, v := range b.pairs(m).all {
		r := b.response(k, v)
		b.doc.Reusable = append(b.doc.Reusable, r)
		b.reusable[k.Value] = r
	}
	// Resolve after all are known: one may refer to another.
	for _, r := range b.doc.Reusable {
		r.Resolved = b.resolve(r.Ref)
		if r.Resolved == r {
			r.Resolved = nil
		}
	}
	b.reusableContext = context
}

// resolve returns the reusable response a local $ref points to.
func (b *builder) resolve(ref *Text) *Response {
	if ref == nil {
		return nil
	}
	for _, prefix := range []string{"#/components/responses/", "#/responses/"} {
		if name, ok := strings.CutPrefix(ref.Value, prefix); ok {
			return b.reusable[unescapePointer(name)]
		}
	}
	return nil
}

// unescapePointer decodes a JSON pointer token inside a URI fragment.
func unescapePointer(s string) string {
	if strings.Contains(s, "%") {
		var sb strings.Builder
		for i := 0; i < len(s); i++ {
			if s[i] == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
				sb.WriteByte(unhex(s[i+1])<<4 | unhex(s[i+2]))
				i += 2
				continue
			}
			sb.WriteByte(s[i])
		}
		s = sb.String()
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "~1", "/"), "~0", "~")
}

func isHex(c byte) bool { return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }

func unhex(c byte) byte {
	switch {
	case isDigit(c):
		return c - '0'
	case c >= 'a':
		return c - 'a' + 10
	}
	return c - 'A' + 10
}

// maxCallbackDepth bounds callbacks declared inside callbacks.
const maxCallbackDepth = 4

// pathItem models the operations of a path item.
func (b *builder) pathItem(item *yamldoc.Node, path string, kind OperationKind, parent *Operation, depth int) {
	var pathParams *yamldoc.Node
	// The operations are modelled once the path item's parameters are
	// known; a path item has a few.
	var buf [16][2]*yamldoc.Node
	methods := buf[:0]
	for k, v := range b.pairs(item).all {
		switch {
		case k.Value == "parameters":
			pathParams = v
		case isMethod(k.Value):
			methods = append(methods, [2]*yamldoc.Node{k, v})
		}
	}
	for _, m := range methods {
		op := b.operation(m[0], m[1], path, kind, parent, pathParams)
		b.subCallbacks(m[1], op, depth)
	}
}

// subCallbacks models the callbacks of an operation.
func (b *builder) subCallbacks(opNode *yamldoc.Node, op *Operation, depth int) {
	if depth >= maxCallbackDepth {
		return
	}
	for _, v := range b.pairs(get(opNode, "callbacks")).all {
		b.callback(v, op, depth+1)
	}
}

// callback models a callback object: expressions mapped to path items. A
// callback that is a $ref is modelled where it is declared.
func (b *builder) callback(cb *yamldoc.Node, parent *Operation, depth int) {
	for k, v := range b.pairs(cb).all {
		if k.Value == "$ref" || strings.HasPrefix(k.Value, "x-") {
			continue
		}
		b.pathItem(v, k.Value, CallbackOperation, parent, depth)
	}
}

// operation models one operation.
func (b *builder) operation(key, value *yamldoc.Node, path string, kind OperationKind, parent *Operation, pathParams *yamldoc.Node) *Operation {
	op := &Operation{Method: strings.ToUpper(key.Value), Path: path, Kind: kind, Parent: parent}
	op.Context = op.Method
	if path != "" {
		op.Context += " " + path
	}
	op.MethodStart, op.MethodEnd = b.d.KeyRange(key)
	op.Start = op.MethodStart
	_, op.End = b.d.NodeRange(value)
	op.End = max(op.End, op.MethodEnd)
	op.HasRequestBody = b.hasRequestBody(value, pathParams)
	b.doc.Operations = append(b.doc.Operations, op)
	if k, v := yamldoc.Get(value, "responses"); k != nil {
		op.Responses = b.responseMap(k, v, op.Context, op)
	}
	return op
}

// hasRequestBody tells whether an operation takes a body.
func (b *builder) hasRequestBody(opNode, pathParams *yamldoc.Node) bool {
	if b.doc.Kind != Swagger2 && get(opNode, "requestBody") != nil {
		return true
	}
	if b.doc.Kind == OpenAPI30 || b.doc.Kind == OpenAPI31 {
		return false
	}
	for _, params := range []*yamldoc.Node{get(opNode, "parameters"), pathParams} {
		params = yamldoc.Deref(params)
		if params == nil || params.Kind != yamldoc.SequenceNode {
			continue
		}
		for _, p := range params.Content {
			p = yamldoc.Deref(p)
			if ref, ok := yamldoc.Scalar(get(p, "$ref")); ok {
				if name, ok := strings.CutPrefix(ref, "#/parameters/"); ok {
					p = yamldoc.Deref(b.params[unescapePointer(name)])
				}
			}
			if in, ok := yamldoc.Scalar(get(p, "in")); ok && (in == "body" || in == "formData") {
				return true
			}
		}
	}
	return false
}

// responseMap models a responses mapping; key is nil for a fragment
// whose root is the map.
func (b *builder) responseMap(key, value *yamldoc.Node, context string, op *Operation) *ResponseMap {
	rm := &ResponseMap{Operation: op, Context: context, Node: yamldoc.Deref(value)}
	rm.Start, rm.End = b.d.NodeRange(value)
	rm.KeyStart, rm.KeyEnd = rm.Start, rm.Start
	if key != nil {
		rm.KeyStart, rm.KeyEnd = b.d.KeyRange(key)
		if rm.End <= rm.Start {
			rm.Start, rm.End = rm.KeyEnd, rm.KeyEnd
		}
	}
	for k, v := range b.pairs(value).all {
		if strings.HasPrefix(k.Value, "x-") {
			continue
		}
		r := b.response(k, v)
		r.Map = rm
		r.Resolved = b.resolve(r.Ref)
		rm.Entries = append(rm.Entries, r)
	}
	b.doc.ResponseMaps = append(b.doc.ResponseMaps, rm)
	return rm
}

// response models one response.
func (b *builder) response(key, value *yamldoc.Node) *Response {
	text := b.d.Text()
	r := &Response{Key: key.Value, Status: ParseStatus(key.Value), Node: yamldoc.Deref(value)}
	if key.Kind != yamldoc.ScalarNode {
		r.Status = Status{Invalid: true}
	}
	r.KeyStart, r.KeyEnd = b.d.KeyRange(key)
	r.CodeStart, r.CodeEnd = r.KeyStart, r.KeyEnd
	if r.KeyStart < r.KeyEnd && (text[r.KeyStart] == '\'' || text[r.KeyStart] == '"') {
		r.Quote = text[r.KeyStart]
		r.CodeStart++
		if r.KeyEnd-1 > r.CodeStart && text[r.KeyEnd-1] == r.Quote {
			r.CodeEnd--
		}
	}
	r.IntKey = key.Tag() == "!!int" && r.Quote == 0
	r.Start = r.KeyStart
	_, end := b.d.NodeRange(value)
	r.End = max(end, r.KeyEnd)

	for k, v := range b.pairs(value).all {
		switch k.Value {
		case "description":
			r.Description = b.text(v)
		case "$ref":
			r.Ref = b.text(v)
		case "headers":
			r.HeadersKey = b.text(k)
			for hk, hv := range b.pairs(v).all {
				hd := &Header{Name: hk.Value}
				hd.Start, hd.End = b.d.KeyRange(hk)
				if ref, ok := yamldoc.Scalar(get(hv, "$ref")); ok {
					hd.Ref = b.text(get(hv, "$ref"))
					if name, ok := strings.CutPrefix(ref, "#/components/headers/"); ok {
						hd.Resolved = b.headers[unescapePointer(name)]
					}
				}
				r.Headers = append(r.Headers, hd)
			}
		case "content":
			r.ContentKey = b.text(k)
			for ck := range b.pairs(v).all {
				t := b.text(ck)
				r.Content = append(r.Content, *t)
			}
		case "schema":
			r.Schema = b.text(k)
		}
	}
	return r
}

// text returns a scalar's value and range (a collection's range, with an
// empty value).
func (b *builder) text(n *yamldoc.Node) *Text {
	t := &Text{}
	if n == nil {
		return t
	}
	t.Start, t.End = b.d.NodeRange(n)
	if n.Kind == yamldoc.ScalarNode {
		t.Value = n.Value
	}
	return t
}

// fragment looks for response maps in a document without a root marker:
// mappings under a `responses` key whose keys look like codes, and a
// root mapping that is such a map itself. It reports whether it found
// any.
func (b *builder) fragment(roots []*yamldoc.Node) bool {
	found := false
	for _, root := range roots {
		root = yamldoc.Deref(root)
		if root != nil && root.Kind == yamldoc.MappingNode && codeKeyed(root) && hasResponseObjects(root) {
			b.responseMap(nil, root, "responses", nil)
			found = true
			continue
		}
		yamldoc.Walk(root, func(v yamldoc.Visit) bool {
			if b.budget <= 0 {
				return false
			}
			b.budget--
			if v.Key == nil || v.Key.Value != "responses" || v.Node.Kind != yamldoc.MappingNode || !codeKeyed(v.Node) {
				return true
			}
			found = true
			// v.Parent is the mapping holding `responses`; its key may
			// be a method, and the key above that a path.
			if holder := v.Parent; holder != nil && holder.Key != nil && isMethod(holder.Key.Value) {
				path := ""
				var pathParams *yamldoc.Node
				if up := holder.Parent; up != nil {
					pathParams = get(up.Node, "parameters")
					if up.Key != nil {
						path = up.Key.Value
					}
				}
				b.operation(holder.Key, holder.Node, path, PathOperation, nil, pathParams)
				return false
			}
			b.responseMap(v.Key, v.Node, keyPath(v), nil)
			return false
		})
	}
	return found
}

// keyPath names a node by the keys leading to it: "x-errors.responses".
func keyPath(v yamldoc.Visit) string {
	var keys []string
	for p := &v; p != nil && len(keys) < 4; p = p.Parent {
		if p.Key != nil {
			keys = append(keys, p.Key.Value)
		}
	}
	for i, j := 0, len(keys)-1; i < j; i, j = i+1, j-1 {
		keys[i], keys[j] = keys[j], keys[i]
	}
	return strings.Join(keys, ".")
}

// codeKeyed reports whether a mapping's keys look like response keys: one
// at least is a code, a range or default, and the others are extensions
// (x-...) or mistyped codes ('2000', '4xx').
func codeKeyed(m *yamldoc.Node) bool {
	valid := false
	for i := 0; i+1 < len(m.Content); i += 2 {
		k := m.Content[i]
		if k.Kind != yamldoc.ScalarNode {
			return false
		}
		switch {
		case ParseStatus(k.Value).Valid():
			valid = true
		case strings.HasPrefix(k.Value, "x-"), yamldoc.IsMerge(k), codeLike(k.Value):
		default:
			return false
		}
	}
	return valid
}

// codeLike reports whether a key is made of digits and Xs only.
func codeLike(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) && s[i] != 'X' && s[i] != 'x' {
			return false
		}
	}
	return true
}

// hasResponseObjects reports whether some value of a mapping looks like a
// response object: a mapping with a description or a $ref.
func hasResponseObjects(m *yamldoc.Node) bool {
	for i := 1; i < len(m.Content); i += 2 {
		if get(m.Content[i], "description") != nil || get(m.Content[i], "$ref") != nil {
			return true
		}
	}
	return false
}

// occurrences lists the response keys that are codes, ranges or default.
// The list is made at its full size at once: grown by append, a spec of
// 39 MB copied it whole several times, each copy a memmove the runtime
// cannot preempt (up to 80 ms), during which the collector waited for
// this goroutine on another processor and requests waited for both.
func (b *builder) occurrences() {
	n := len(b.doc.Reusable)
	for _, rm := range b.doc.ResponseMaps {
		n += len(rm.Entries)
	}
	occs := make([]occurrence.Occurrence, 0, n)
	add := func(r *Response, context string) {
		if !r.Status.Valid() {
			return
		}
		occs = append(occs, occurrence.Occurrence{Start: r.KeyStart, End: r.KeyEnd,
			Code: r.Status.Code, Class: r.Status.Class, Default: r.Status.Default,
			Kind: occurrence.ResponseKey, Context: context})
	}
	for _, rm := range b.doc.ResponseMaps {
		for _, r := range rm.Entries {
			add(r, rm.Context)
		}
	}
	for _, r := range b.doc.Reusable {
		add(r, b.reusableContext)
	}
	occurrence.Sort(occs)
	// A key reached twice (through an alias or a merge) counts once.
	out := occs[:0]
	for _, o := range occs {
		if o.Start >= o.End {
			continue
		}
		if n := len(out); n > 0 && o.Start < out[n-1].End {
			continue
		}
		out = append(out, o)
	}
	b.doc.Occurrences = out
}

// DefaultMarkdown explains the `default` response key, for hovers and
// completion documentation.
const DefaultMarkdown = "### default\n\n" +
	"**OpenAPI response key** · [OpenAPI §Responses Object](https://spec.openapis.org/oas/v3.1.0#responses-object)\n\n" +
	"Describes the response for every status code this operation does not list on its own — " +
	"usually the shared error body. Clients cannot tell from it which codes to expect, and it does " +
	"not stand in for a success response: list the 2xx the operation returns explicitly.\n"
