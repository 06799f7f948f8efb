package openapi

import (
	"os"
	"testing"
)

func parseFile(t *testing.T, name string) (*Document, string) {
	t.Helper()
	src, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return Parse(src), string(src)
}

func operation(t *testing.T, doc *Document, context string) *Operation {
	t.Helper()
	for _, op := range doc.Operations {
		if op.Context == context {
			return op
		}
	}
	t.Fatalf("no operation %q", context)
	return nil
}

func entry(t *testing.T, op *Operation, key string) *Response {
	t.Helper()
	if op.Responses == nil {
		t.Fatalf("%s: no responses", op.Context)
	}
	for _, r := range op.Responses.Entries {
		if r.Key == key {
			return r
		}
	}
	t.Fatalf("%s: no response %q", op.Context, key)
	return nil
}

func names(hs []*Header) []string {
	var out []string
	for _, h := range hs {
		out = append(out, h.Name)
	}
	return out
}

func TestModelOpenAPI30(t *testing.T) {
	doc, src := parseFile(t, "openapi30.yaml")
	if doc.Kind != OpenAPI30 || doc.Version != "3.0.3" || !doc.Kind.Ranges() {
		t.Fatalf("kind %v version %q", doc.Kind, doc.Version)
	}
	get := operation(t, doc, "GET /items")
	if get.Method != "GET" || get.Path != "/items" || get.HasRequestBody || get.Kind != PathOperation {
		t.Errorf("GET /items: %+v", get)
	}
	if got := src[get.MethodStart:get.MethodEnd]; got != "get" {
		t.Errorf("method range %q", got)
	}
	ok := entry(t, get, "200")
	if ok.Description == nil || ok.Description.Value != "Items, 日本語の説明" || src[ok.Description.Start:ok.Description.End] != "Items, 日本語の説明" {
		t.Errorf("200 description %+v", ok.Description)
	}
	if src[ok.KeyStart:ok.KeyEnd] != "'200'" || src[ok.CodeStart:ok.CodeEnd] != "200" || ok.Quote != '\'' || ok.IntKey {
		t.Errorf("200 key %q code %q quote %q int %v", src[ok.KeyStart:ok.KeyEnd], src[ok.CodeStart:ok.CodeEnd], ok.Quote, ok.IntKey)
	}
	if len(ok.Headers) != 2 || ok.Headers[0].Name != "X-Rate-Limit" || !ok.Headers[0].Resolved ||
		ok.Headers[1].Ref == nil || ok.Headers[1].Ref.Value != "headers.yaml#/X-Remote" || ok.Headers[1].Resolved {
		t.Errorf("200 headers %v", names(ok.Headers))
	}
	if h := ok.Headers[0]; src[h.Start:h.End] != "X-Rate-Limit" {
		t.Errorf("header range %q", src[h.Start:h.End])
	}
	if ok.ContentKey == nil || len(ok.Content) != 2 || ok.Content[0].Value != "application/json" || ok.Content[1].Value != "text/csv" {
		t.Errorf("200 content %+v", ok.Content)
	}
	if src[ok.Start:ok.End] != src[ok.KeyStart:ok.End] || src[ok.End-len("text/csv: {}"):ok.End] != "text/csv: {}" {
		t.Errorf("200 range ends with %q", src[ok.End-12:ok.End])
	}

	client := entry(t, get, "4XX")
	if client.Status != (Status{Class: 4}) || client.Ref == nil || client.Resolved == nil || client.Target().Key != "Error" {
		t.Errorf("4XX: %+v", client)
	}
	if !client.HasHeader("retry-after") || len(client.Target().Content) != 1 {
		t.Errorf("4XX target headers %v content %v", names(client.Target().Headers), client.Target().Content)
	}
	lower := entry(t, get, "5xx")
	if lower.Status != (Status{Class: 5, Lowercase: true}) || !lower.Status.Valid() {
		t.Errorf("5xx: %+v", lower.Status)
	}

	post := operation(t, doc, "POST /items")
	if !post.HasRequestBody || len(post.Responses.Entries) != 2 {
		t.Errorf("POST /items: body %v, %d entries", post.HasRequestBody, len(post.Responses.Entries))
	}
	if s := entry(t, post, "99").Status; !s.Invalid || s.Valid() {
		t.Errorf("'99': %+v", s)
	}
	cb := operation(t, doc, "POST {$request.body#/callbackUrl}")
	if cb.Kind != CallbackOperation || cb.Parent != post {
		t.Errorf("callback: kind %v parent %v", cb.Kind, cb.Parent)
	}

	del := operation(t, doc, "DELETE /items/{id}")
	nf := entry(t, del, "404")
	if nf.Resolved == nil || nf.Resolved.Key != "NotFound" || nf.Target().Key != "Error" {
		t.Errorf("404 resolves to %+v", nf.Resolved)
	}
	if dq := entry(t, del, "204"); dq.Quote != '"' || src[dq.KeyStart:dq.KeyEnd] != `"204"` {
		t.Errorf("204 quote %q", dq.Quote)
	}
	if len(doc.Reusable) != 2 || doc.Reusable[0].Key != "NotFound" || doc.Reusable[1].Key != "Error" {
		t.Errorf("reusable %+v", doc.Reusable)
	}
	if !del.Responses.Has(Status{Code: 204}) || del.Responses.Has(Status{Code: 200}) {
		t.Error("Has")
	}
	if src[del.Responses.KeyStart:del.Responses.KeyEnd] != "responses" {
		t.Errorf("responses key %q", src[del.Responses.KeyStart:del.Responses.KeyEnd])
	}
}

func TestModelSwagger2(t *testing.T) {
	doc, src := parseFile(t, "swagger2.yaml")
	if doc.Kind != Swagger2 || doc.Kind.Ranges() {
		t.Fatalf("kind %v", doc.Kind)
	}
	list := entry(t, operation(t, doc, "GET /pets"), "200")
	if !list.IntKey || list.Quote != 0 || list.CodeStart != list.KeyStart || list.Schema == nil || src[list.Schema.Start:list.Schema.End] != "schema" {
		t.Errorf("200: int %v quote %q schema %+v", list.IntKey, list.Quote, list.Schema)
	}
	post := operation(t, doc, "POST /pets")
	if !post.HasRequestBody {
		t.Error("POST /pets: body parameter behind a $ref not seen")
	}
	if names := names(entry(t, post, "201").Headers); len(names) != 1 || names[0] != "Location" {
		t.Errorf("201 headers %v", names)
	}
	put := operation(t, doc, "PUT /pets/{id}")
	if !put.HasRequestBody || len(put.Responses.Entries) != 3 {
		t.Errorf("PUT: body %v entries %d", put.HasRequestBody, len(put.Responses.Entries))
	}
	if d := entry(t, put, "200").Description; d.Value != "é😀 OK" || src[d.Start:d.End] != "é😀 OK" {
		t.Errorf("PUT 200 description %+v", d)
	}
	del := operation(t, doc, "DELETE /pets/{id}")
	if del.HasRequestBody {
		t.Error("DELETE: a path parameter is no body")
	}
	if nf := entry(t, del, "404"); nf.Target().Key != "NotFound" || nf.Target().Schema == nil {
		t.Errorf("404 target %+v", nf.Target())
	}
	for _, op := range doc.Operations {
		if op.Path == "x-internal" {
			t.Error("extension modelled as a path")
		}
	}
}

func TestModelOpenAPI31(t *testing.T) {
	doc, _ := parseFile(t, "openapi31.yaml")
	hook := operation(t, doc, "POST newPet")
	if hook.Kind != WebhookOperation || !hook.HasRequestBody {
		t.Errorf("webhook %+v", hook)
	}
	ping := operation(t, doc, "GET Ping")
	if ping.Kind != PathItemOperation {
		t.Errorf("path item kind %v", ping.Kind)
	}
	if d := entry(t, ping, "default").Description; d == nil || d.Value != "Unexpected" {
		t.Errorf("aliased default: %+v", d)
	}
	if r := entry(t, operation(t, doc, "PATCH /users/{user}"), "503"); !r.HasHeader("Retry-After") {
		t.Error("503 flow headers")
	}
}

func TestModelFragment(t *testing.T) {
	doc, _ := parseFile(t, "fragment.yaml")
	if doc.Kind != Fragment || !doc.Kind.Ranges() {
		t.Fatalf("kind %v", doc.Kind)
	}
	get := operation(t, doc, "GET")
	if get.Path != "" || len(get.Responses.Entries) != 3 {
		t.Errorf("GET %+v", get)
	}
	if len(doc.ResponseMaps) != 2 || doc.ResponseMaps[1].Operation != nil || doc.ResponseMaps[1].Context != "x-common.responses" {
		t.Errorf("maps %d", len(doc.ResponseMaps))
	}
}

func TestDetect(t *testing.T) {
	for _, tc := range []struct {
		src  string
		kind Kind
	}{
		{"openapi: 3.0.0\n", OpenAPI30},
		{"openapi: '3.1.1'\n", OpenAPI31},
		{"openapi: 3.2.0\n", OpenAPI31},
		{`{"openapi": "3.0.2"}`, OpenAPI30},
		{"swagger: '2.0'\n", Swagger2},
		{"swagger: 2.0\n", Swagger2},
		{"openapi: 2.0\n", NotOpenAPI},
		{"kind: Deployment\nspec: {responses: {ok: 1}}\n", NotOpenAPI},
		{"x:\n  responses:\n    '200': {description: ok}\n", Fragment},
		{"x:\n  responses:\n    default: {description: ok}\n    x-foo: 1\n", Fragment},
		{"responses:\n  '200': {description: ok}\n  message: hi\n", NotOpenAPI},
		{"'200': {description: ok}\n", Fragment},
		{"'200': 1\n", NotOpenAPI},
		{"", NotOpenAPI},
		{"- a\n- b\n", NotOpenAPI},
	} {
		if got := Parse([]byte(tc.src)).Kind; got != tc.kind {
			t.Errorf("%q: %v, want %v", tc.src, got, tc.kind)
		}
	}
}

func TestParseStatus(t *testing.T) {
	for key, want := range map[string]Status{
		"200":     {Code: 200},
		"599":     {Code: 599},
		"100":     {Code: 100},
		"4XX":     {Class: 4},
		"1XX":     {Class: 1},
		"4xx":     {Class: 4, Lowercase: true},
		"default": {Default: true},
		"099":     {Invalid: true},
		"600":     {Invalid: true},
		"6XX":     {Invalid: true},
		"2000":    {Invalid: true},
		"99":      {Invalid: true},
		"Default": {Invalid: true},
		"4Xx":     {Invalid: true},
		"":        {Invalid: true},
	} {
		if got := ParseStatus(key); got != want {
			t.Errorf("%q: %+v, want %+v", key, got, want)
		}
	}
}

func TestRefs(t *testing.T) {
	src := `openapi: 3.0.0
paths:
  /a:
    get:
      responses:
        '404': {$ref: '#/components/responses/Not~1Found'}
        '410': {$ref: '#/components/responses/Gone%20Away'}
        '500': {$ref: '#/components/responses/Loop'}
        '501': {$ref: 'other.yaml#/components/responses/X'}
components:
  responses:
    Not/Found: {description: nf}
    Gone Away: {description: g}
    Loop: {$ref: '#/components/responses/Loop2'}
    Loop2: {$ref: '#/components/responses/Loop'}
`
	doc := Parse([]byte(src))
	get := operation(t, doc, "GET /a")
	if r := entry(t, get, "404"); r.Target().Key != "Not/Found" {
		t.Errorf("~1: %q", r.Target().Key)
	}
	if r := entry(t, get, "410"); r.Target().Key != "Gone Away" {
		t.Errorf("%%20: %q", r.Target().Key)
	}
	_ = entry(t, get, "500").Target() // a cycle ends
	if r := entry(t, get, "501"); r.Resolved != nil || r.Ref.Value != "other.yaml#/components/responses/X" {
		t.Errorf("remote ref %+v", r.Resolved)
	}
}

func TestMergeKeys(t *testing.T) {
	src := `openapi: 3.0.0
x-common: &common
  '500': {description: error}
  '503': {description: busy}
paths:
  /a:
    get:
      responses:
        <<: *common
        '200': {description: ok}
    put:
      responses:
        <<: *common
`
	doc := Parse([]byte(src))
	for _, ctx := range []string{"GET /a", "PUT /a"} {
		op := operation(t, doc, ctx)
		if !op.Responses.Has(Status{Code: 503}) {
			t.Errorf("%s: merged keys missing", ctx)
		}
	}
	// The merged keys are written once; they occur once.
	if n := len(doc.Occurrences); n != 3 {
		t.Errorf("%d occurrences: %+v", n, doc.Occurrences)
	}
}

func TestAliasBombModel(t *testing.T) {
	src := "openapi: 3.0.0\nx: &r {'200': {description: a}}\npaths:\n"
	for i := 0; i < 2000; i++ {
		src += "  /p" + string(rune('a'+i%26)) + string(rune('a'+i/26%26)) + string(rune('a'+i/676)) + ": &p" + " {get: {responses: *r}, put: {responses: *r}}\n"
	}
	doc := Parse([]byte(src))
	if len(doc.Operations) == 0 || len(doc.Occurrences) != 1 {
		t.Errorf("%d operations, %d occurrences", len(doc.Operations), len(doc.Occurrences))
	}
}
