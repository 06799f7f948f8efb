package openapi

import (
	"math/rand"
	"reflect"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/httpcode-lsp/httpcode-lsp/internal/lines"
	"github.com/httpcode-lsp/httpcode-lsp/internal/specgen"
)

// cursor splits a source at its | marker.
func cursor(t *testing.T, marked string) ([]byte, int) {
	t.Helper()
	i := strings.Index(marked, "|")
	if i < 0 || strings.Count(marked, "|") != 1 {
		t.Fatalf("want one | in %q", marked)
	}
	return []byte(marked[:i] + marked[i+1:]), i
}

const oa30 = "openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths:\n"

func TestCompletionAt(t *testing.T) {
	type want struct {
		kind         CompletionKind
		replaced     string // the text [Start, End)
		prefix       string
		method, path string
		present      string // the present keys, as "200 404 4XX default"
		quote        byte
		indent, unit string
		hasValue     bool
		lead, trail  bool
		key          string
		quoted       bool
		docKind      Kind
	}
	for _, tc := range []struct {
		name string
		src  string
		want want
	}{
		{"empty line under responses", oa30 + "  /items/{id}:\n    delete:\n      responses:\n        '204':\n          description: gone\n        |\n",
			want{kind: ResponseKeyCompletion, method: "DELETE", path: "/items/{id}", present: "204", quote: '\'', indent: "        ", unit: "  ", docKind: OpenAPI30}},
		{"half-typed quoted key", oa30 + "  /items:\n    post:\n      responses:\n        '200':\n          description: ok\n        '4|\n    get:\n      responses: {}\n",
			want{kind: ResponseKeyCompletion, replaced: "'4", prefix: "'4", method: "POST", path: "/items", present: "200", quote: '\'', indent: "        ", unit: "  ", docKind: OpenAPI30}},
		{"half-typed bare key", oa30 + "  /items:\n    get:\n      responses:\n        \"200\":\n          description: ok\n        40|\n",
			want{kind: ResponseKeyCompletion, replaced: "40", prefix: "40", method: "GET", path: "/items", present: "200", quote: '"', indent: "        ", unit: "  ", docKind: OpenAPI30}},
		{"inside an existing key", oa30 + "  /a:\n    get:\n      responses:\n        '2|04':\n          description: x\n        '404': {description: y}\n",
			want{kind: ResponseKeyCompletion, replaced: "'204'", prefix: "'2", method: "GET", path: "/a", present: "404", quote: '\'', indent: "        ", unit: "  ", hasValue: true, docKind: OpenAPI30}},
		{"deeper first key, no siblings", oa30 + "  /a:\n    put:\n      responses:\n          |\n",
			want{kind: ResponseKeyCompletion, method: "PUT", path: "/a", indent: "          ", unit: "    ", docKind: OpenAPI30}},
		{"cursor before later keys", oa30 + "  /a:\n    get:\n      responses:\n        |\n        '200': {description: ok}\n        default: {description: e}\n",
			want{kind: ResponseKeyCompletion, method: "GET", path: "/a", present: "200 default", quote: '\'', indent: "        ", unit: "  ", docKind: OpenAPI30}},
		{"swagger 2.0", "swagger: '2.0'\npaths:\n  /a:\n    get:\n      responses:\n        200:\n          description: ok\n        4|\n",
			want{kind: ResponseKeyCompletion, replaced: "4", prefix: "4", method: "GET", path: "/a", present: "200", indent: "        ", unit: "  ", docKind: Swagger2}},
		{"fragment path item", "get:\n  responses:\n    |\n",
			want{kind: ResponseKeyCompletion, method: "GET", indent: "    ", unit: "  ", docKind: Fragment}},
		{"fragment responses file", "x:\n  responses:\n    '200': {description: ok}\n    |\n",
			want{kind: ResponseKeyCompletion, present: "200", quote: '\'', indent: "    ", unit: "  ", docKind: Fragment}},
		{"webhook", "openapi: 3.1.0\nwebhooks:\n  newPet:\n    post:\n      responses:\n        '2|\n",
			want{kind: ResponseKeyCompletion, replaced: "'2", prefix: "'2", method: "POST", path: "newPet", quote: '\'', indent: "        ", unit: "  ", docKind: OpenAPI31}},
		{"CRLF and non-ASCII", "openapi: 3.0.0\r\npaths:\r\n  /é😀:\r\n    get:\r\n      responses:\r\n        '200': {description: é😀}\r\n        '5|\r\n",
			want{kind: ResponseKeyCompletion, replaced: "'5", prefix: "'5", method: "GET", path: "/é😀", present: "200", quote: '\'', indent: "        ", unit: "  ", docKind: OpenAPI30}},

		{"json empty position after last member", `{"openapi": "3.0.0", "paths": {"/a/{id}": {"delete": {"responses": {` + "\n" + `  "204": {"description": "gone"}` + "\n  |\n}}}}}",
			want{kind: ResponseKeyCompletion, method: "DELETE", path: "/a/{id}", present: "204", quote: '"', indent: "  ", unit: "  ", lead: true, docKind: OpenAPI30}},
		{"json after a comma, member follows", "{\"swagger\": \"2.0\", \"paths\": {\"/a\": {\"get\": {\"responses\": {\n    \"200\": {},\n    |\n    \"404\": {}\n}}}}}",
			want{kind: ResponseKeyCompletion, method: "GET", path: "/a", present: "200 404", quote: '"', indent: "    ", unit: "    ", trail: true, docKind: Swagger2}},
		{"json half-typed key", "{\"openapi\": \"3.1.0\", \"paths\": {\"/a\": {\"post\": {\"responses\": {\n  \"201\": {},\n  \"4|\n}}}}}",
			want{kind: ResponseKeyCompletion, replaced: `"4`, prefix: `"4`, method: "POST", path: "/a", present: "201", quote: '"', indent: "  ", unit: "  ", docKind: OpenAPI31}},
		{"json key with closing quote and value", "{\"openapi\": \"3.1.0\", \"paths\": {\"/a\": {\"post\": {\"responses\": {\n  \"4|0\": {}\n}}}}}",
			want{kind: ResponseKeyCompletion, replaced: `"40"`, prefix: `"4`, method: "POST", path: "/a", quote: '"', indent: "  ", unit: "  ", hasValue: true, docKind: OpenAPI31}},
		{"json empty responses", "{\"openapi\": \"3.0.0\", \"paths\": {\"/a\": {\"get\": {\"responses\": {|}}}}}",
			want{kind: ResponseKeyCompletion, method: "GET", path: "/a", quote: '"', unit: "  ", docKind: OpenAPI30}},

		{"status value", "tests:\n  - name: x\n    expected_status: 4|\n",
			want{kind: StatusValueCompletion, replaced: "4", prefix: "4", key: "expected_status"}},
		{"status value empty", "status: |\n",
			want{kind: StatusValueCompletion, key: "status"}},
		{"status list item", "retry:\n  retriable_status_codes:\n    - 502\n    - 50|\n",
			want{kind: StatusValueCompletion, replaced: "50", prefix: "50", key: "retriable_status_codes"}},
		{"indentless list item", "status_codes:\n- 500\n- |\n",
			want{kind: StatusValueCompletion, key: "status_codes"}},
		{"flow list", "retryOn: [502, |]\n",
			want{kind: StatusValueCompletion, key: "retryOn"}},
		{"annotation quoted", "metadata:\n  annotations:\n    nginx.ingress.kubernetes.io/permanent-redirect-code: \"30|8\"\n",
			want{kind: StatusValueCompletion, replaced: "308", prefix: "30", key: "nginx.ingress.kubernetes.io/permanent-redirect-code", quoted: true}},
		{"code with a sibling", "checks:\n  - http: true\n    code: 2|\n",
			want{kind: StatusValueCompletion, replaced: "2", prefix: "2", key: "code"}},
		{"code under a response key", "response:\n  code: |\n",
			want{kind: StatusValueCompletion, key: "code"}},
		{"configured key", "probe:\n  okWhen: 2|\n",
			want{kind: StatusValueCompletion, replaced: "2", prefix: "2", key: "okWhen"}},

		// Nothing to complete.
		{"description value", oa30 + "  /a:\n    get:\n      responses:\n        '200':\n          description: Go|ne\n", want{}},
		{"under a response", oa30 + "  /a:\n    get:\n      responses:\n        '200':\n          |\n", want{}},
		{"comment", oa30 + "  /a:\n    get:\n      responses:\n        # '4|\n", want{}},
		{"indentation of a key", oa30 + "  /a:\n    get:\n      responses:\n    |    '200': {description: x}\n", want{}},
		{"reusable responses", oa30 + "components:\n  responses:\n    |\n", want{}},
		{"swagger reusable responses", "swagger: '2.0'\nresponses:\n  |\n", want{}},
		{"responses outside an operation", oa30 + "components:\n  examples:\n    e:\n      value:\n        responses:\n          |\n", want{}},
		{"json reusable responses", `{"openapi": "3.0.0", "components": {"responses": {|}}}`, want{}},
		{"json swagger reusable responses", `{"swagger": "2.0", "responses": {|}}`, want{}},
		{"responses with a value", oa30 + "  /a:\n    get:\n      responses: |\n", want{}},
		{"plain responses with other keys", "server:\n  responses:\n    timeout: 3\n    |\n", want{}},
		{"path key", oa30 + "  |\n", want{}},
		{"before an existing key", oa30 + "  /a:\n    get:\n      responses:\n        |'200': {description: x}\n", want{}},
		{"json value", "{\"openapi\": \"3.0.0\", \"paths\": {\"/a\": {\"get\": {\"responses\": {\"200\": {\"description\": \"O|K\"}}}}}}", want{}},
		{"json after a key", "{\"openapi\": \"3.0.0\", \"paths\": {\"/a\": {\"get\": {\"responses\": {\"200\"| }}}}}", want{}},
		{"json other object", "{\"openapi\": \"3.0.0\", \"paths\": {\"/a\": {\"get\": {\"parameters\": {|}}}}}", want{}},
		{"status key in an OpenAPI document", oa30 + "  /a:\n    get:\n      x-example:\n        status: 4|\n", want{}},
		{"not a status key", "replicas: 4|\n", want{}},
		{"code without context", "exit:\n  code: |\n", want{}},
		{"list under a scalar key", "status: 200\n- |\n", want{}},
		{"status value with text after", "status: 4| # nope\nx: 1\n", want{kind: StatusValueCompletion, replaced: "4", prefix: "4", key: "status"}},
		{"status value then word", "status: 4|xx\n", want{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src, at := cursor(t, tc.src)
			doc := Parse(src)
			c := CompletionAt(doc, at, []string{"okWhen"})
			w := tc.want
			if c.Kind != w.kind {
				t.Fatalf("kind %v, want %v (%+v)", c.Kind, w.kind, c)
			}
			if c.Kind == NoCompletion {
				return
			}
			if c.Start > at || c.End < at {
				t.Fatalf("[%d,%d) does not hold the cursor %d", c.Start, c.End, at)
			}
			var present []string
			for _, s := range c.Present {
				present = append(present, statusText(s))
			}
			got := want{kind: c.Kind, replaced: string(src[c.Start:c.End]), prefix: c.Prefix, method: c.Method, path: c.Path,
				present: strings.Join(present, " "), quote: c.Quote, indent: c.Indent, unit: c.IndentUnit, hasValue: c.HasValue,
				lead: c.LeadingComma, trail: c.TrailingComma, key: c.Key, quoted: c.Quoted}
			if c.Kind == ResponseKeyCompletion {
				got.docKind = c.DocKind
			}
			if got != w {
				t.Errorf("got  %+v\nwant %+v", got, w)
			}
			if c.LeadingComma && (c.CommaAt <= 0 || src[c.CommaAt-1] != '}') {
				t.Errorf("comma at %d", c.CommaAt)
			}
		})
	}
}

func statusText(s Status) string {
	switch {
	case s.Code != 0:
		return strconv.Itoa(s.Code)
	case s.Class != 0:
		return strconv.Itoa(s.Class) + "XX"
	case s.Default:
		return "default"
	}
	return "invalid"
}

func TestCompletionOnBrokenDocument(t *testing.T) {
	// The key being typed breaks the document; the keys around it are
	// still read, and the completion still found.
	src, at := cursor(t, oa30+"  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n        \"4|\n        '404':\n          description: nf\n")
	doc := Parse(src)
	if len(doc.Errors) != 1 {
		t.Errorf("errors %v", doc.Errors)
	}
	c := CompletionAt(doc, at, nil)
	if c.Kind != ResponseKeyCompletion || c.Quote != '"' || len(c.Present) != 2 {
		t.Errorf("%+v", c)
	}
}

func TestCompletionAtAnyOffset(t *testing.T) {
	// Every offset of a document is accepted, out of range ones too.
	for _, name := range []string{"openapi30.yaml", "swagger2.json", "broken_quote.yaml", "plain_ci.yaml"} {
		doc, src := parseFile(t, name)
		for at := -2; at <= len(src)+2; at++ {
			c := CompletionAt(doc, at, nil)
			if c.Kind != NoCompletion && (c.Start > c.End || c.Start < 0 || c.End > len(src)) {
				t.Fatalf("%s@%d: %+v", name, at, c)
			}
		}
	}
	if c := CompletionAt(nil, 0, nil); c.Kind != NoCompletion {
		t.Error("nil document")
	}
}

// TestCompletionAtJSONMarks checks that completion in a large JSON text,
// which scans from a saved state near the cursor, finds what a scan from
// the start finds, at every response key and at random offsets.
func TestCompletionAtJSONMarks(t *testing.T) {
	defer func(step int) { jsonMarkStep = step }(jsonMarkStep)
	jsonMarkStep = 4 << 10
	src := specgen.JSON(specgen.OpenAPI(3000))
	if len(src) < 3*jsonMarkStep {
		t.Fatalf("the text (%d bytes) is too small to test the marks", len(src))
	}
	doc := Parse(src)
	fromStart := *doc
	fromStart.jsonMarks = nil
	r := rand.New(rand.NewSource(1))
	offsets := []int{0, len(src), jsonMarkStep, jsonMarkStep + 1}
	const every = 4
	for k := 0; k < len(doc.Occurrences); k += every {
		o := doc.Occurrences[k]
		offsets = append(offsets, o.Start, o.Start+1, o.End)
	}
	for i := 0; i < 100; i++ {
		offsets = append(offsets, r.Intn(len(src)))
	}
	found := 0
	for _, off := range offsets {
		got, want := CompletionAt(doc, off, nil), CompletionAt(&fromStart, off, nil)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("at %d: %+v, want %+v", off, got, want)
		}
		if got.Kind != NoCompletion {
			found++
		}
	}
	if found < len(doc.Occurrences)/every {
		t.Errorf("completions at %d offsets, want at least one per key tried (%d)", found, len(doc.Occurrences)/every)
	}
}

// TestTypedKeepsMarks types random characters that matter to JSON
// (quotes, brackets, commas) into a large JSON spec, version after
// version, each read for completion as Typed from the one before, whose
// scan states it keeps before the edit and takes again after it once the
// scan agrees (the next version's document Adopts them, or Follows its
// predecessor): every completion equals that of a scan from the start.
func TestTypedKeepsMarks(t *testing.T) {
	defer func(step int) { jsonMarkStep = step }(jsonMarkStep)
	jsonMarkStep = 4 << 10
	src := specgen.JSON(specgen.OpenAPI(2000))
	r := rand.New(rand.NewSource(3))
	doc := Parse(src)
	kind := doc.Kind
	CompletionAt(doc, len(src), nil) // saves every state
	const chars = "\"{}[],:x 4\n"
	found, synced, eligible := 0, 0, 0
	for v := 0; v < 60; v++ {
		at := r.Intn(len(src))
		e := lines.Edit{Start: at, End: at + r.Intn(2), NewLen: 1}
		ins := []byte{chars[r.Intn(len(chars))]}
		next := e.Apply(src, ins)
		// Read through the edit, as the server's text is until the
		// analysis makes it flat; the reference reads flat bytes.
		typed := doc.Typed(lines.Patched{Base: src, Edit: e, Ins: ins}, e, kind)
		fresh := &Typing{kind: kind, src: lines.Flat(next)}
		// The scan past the edit meets the states after it, and takes
		// them all: states past the cursor.
		far := at + 8*jsonMarkStep
		typed.CompletionAt(far)
		if far < len(next)-2*jsonMarkStep {
			eligible++
			if ms := typed.marks.marks; len(ms) > 0 && ms[len(ms)-1].i > far {
				synced++
			}
		}
		offsets := []int{at, at + 1, len(next), r.Intn(len(next))}
		for _, o := range doc.Occurrences[:min(len(doc.Occurrences), 40)] {
			offsets = append(offsets, e.Moved(o.Start)+1)
		}
		for _, off := range offsets {
			got, want := typed.CompletionAt(off), fresh.CompletionAt(off)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("version %d, edit %+v, at %d: %+v, want %+v", v, e, off, got, want)
			}
			if got.Kind != NoCompletion {
				found++
			}
		}
		// The next document takes this one's states: those the typed
		// text saved, or (Follow) those of the document before it.
		prevDoc := doc
		src, doc = next, Parse(next)
		if v%2 == 0 {
			doc.Adopt(typed)
		} else {
			doc.Follow(prevDoc, e)
		}
	}
	t.Logf("%d bytes; %d completions offered; the states after the edit taken %d times in %d", len(src), found, synced, eligible)
	if found == 0 || synced < eligible/2 {
		t.Fatalf("%d completions offered; the states after the edit taken %d times in %d", found, synced, eligible)
	}
}

// TestJSONCompletionPastDeepNesting checks that a completion in a JSON
// document after brackets nested far deeper than the model reads is
// still offered, and that the scan's saved states do not copy a stack
// as deep as the text (358 bytes per byte of this one, where they did).
func TestJSONCompletionPastDeepNesting(t *testing.T) {
	deep := strings.Repeat("[", 100000) + strings.Repeat("]", 100000)
	src := []byte("{\n  \"openapi\": \"3.0.3\",\n  \"paths\": {\"/a\": {\"get\": {\n    \"x\": " + deep + ",\n    \"responses\": {\"2")
	doc := Parse(src)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	c := CompletionAt(doc, len(src), nil)
	runtime.ReadMemStats(&after)
	if c.Kind != ResponseKeyCompletion || c.Method != "GET" || c.Prefix != `"2` {
		t.Errorf("completion %+v", c)
	}
	// A mark holds at most yamldoc.MaxDepth frames: 64 kB every 16 kB.
	if perByte := float64(after.TotalAlloc-before.TotalAlloc) / float64(len(src)); perByte > 8 {
		t.Errorf("completion allocated %.1f bytes per byte of the text", perByte)
	}
	inside := strings.Index(string(src), "[") + 50000
	if c := CompletionAt(doc, inside, nil); c.Kind != NoCompletion {
		t.Errorf("completion %+v deep inside the brackets", c)
	}
}
