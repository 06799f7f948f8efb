package analysis

import "testing"

// TestUnrecognisedDocumentsGetNoFindings checks that a document that is
// neither OpenAPI nor a YAML file with status values gets no findings,
// not even a syntax error, whether or not its text mentions a word the
// model looks for; and that a broken OpenAPI document, or a broken YAML
// file with status values, still gets its one syntax error.
func TestUnrecognisedDocumentsGetNoFindings(t *testing.T) {
	for _, tc := range []struct {
		name, src    string
		lang         Language
		syntaxErrors int // 0: no finding at all
	}{
		{"devcontainer.json", "// Dev container\n{\n  \"name\": \"Go\",\n  /* the image */\n  \"image\": \"golang:1.26\",\n  \"features\": {},\n}\n", JSON, 0},
		{"devcontainer.json with a description", "{\n  // comment\n  \"name\": \"x\",\n  \"description\": \"a dev container\",\n  \"forwardPorts\": [3000,],\n}\n", JSON, 0},
		{"package.json", "{\n  \"name\": \"x\",\n  \"description\": \"y\",\n  \"scripts\": {\"test\": \"node t.js\"}\n}\n", JSON, 0},
		{"tsconfig.json", "{\n  \"compilerOptions\": {\n    // strict\n    \"strict\": true,\n    \"outDir\": \"out\",\n  },\n}\n", JSON, 0},
		{"broken CI YAML", "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n\tsteps: [\n", YAML, 0},
		{"broken CI YAML with a description", "name: ci\ndescription: 'the build\njobs:\n  200:\n    runs-on: [ubuntu\n", YAML, 0},
		{"broken OpenAPI YAML", "openapi: 3.0.3\npaths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: 'unclosed\n", YAML, 1},
		{"broken OpenAPI JSON", "{\n  \"openapi\": \"3.0.3\",\n  // comment\n  \"paths\": {}\n}\n", JSON, 1},
		{"broken YAML with status values", "check:\n  expected_status: 204\n  name: 'unclosed\n", YAML, 1},
		{"broken OpenAPI JSON on one line", `{"openapi": "3.0.0", "paths": {"/a": {"get": {"responses": {"200": {"description": "ok"}}}}}, "x": [}`, JSON, 1},
		{"broken OpenAPI YAML at its marker", "openapi: [3.0.3\npaths: {}\n", YAML, 1},
		{"broken Swagger JSON", "{\"swagger\" : \"2.0\", \"paths\": {,}}\n", JSON, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			found := New(tc.lang, []byte(tc.src), Settings{}).Findings()
			n := 0
			for _, f := range found {
				if f.RuleID == SyntaxErrorID {
					n++
				}
			}
			if n != tc.syntaxErrors || tc.syntaxErrors == 0 && len(found) > 0 {
				t.Errorf("findings %v, want %d syntax errors", found, tc.syntaxErrors)
			}
		})
	}
}
