package analysis

import "testing"

// TestUnrecognisedDocumentsGetNoFindings checks that a document that is
// neither OpenAPI nor a YAML file with status values gets no findings,
// not even a syntax error, whether or not its text mentions a word the
// model looks for; and that a broken OpenAPI document, or a broken YAML
// file with status values, still gets its one syntax error.
func TestUnrecognisedDocumentsGetNoFindings(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		lang      Language
	}{
		{"devcontainer.json", "// Dev container\n{\n  \"name\": \"Go\",\n  /* the image */\n  \"image\": \"golang:1.26\",\n  \"features\": {},\n}\n", JSON},
		{"devcontainer.json with a description", "{\n  // comment\n  \"name\": \"x\",\n  \"description\": \"a dev container\",\n  \"forwardPorts\": [3000,],\n}\n", JSON},
		{"package.json", "{\n  \"name\": \"x\",\n  \"description\": \"y\",\n  \"scripts\": {\"test\": \"node t.js\"}\n}\n", JSON},
		{"tsconfig.json", "{\n  \"compilerOptions\": {\n    // strict\n    \"strict\": true,\n    \"outDir\": \"out\",\n  },\n}\n", JSON},
		{"broken CI YAML", "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n\tsteps: [\n", YAML},
		{"broken CI YAML with a description", "name: ci\ndescription: 'the build\njobs:\n  build:\n    runs-on: [ubuntu\n", YAML},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := New(tc.lang, []byte(tc.src), Settings{})
			if got := f.Findings(); len(got) != 0 {
				t.Errorf("findings %v, want none", got)
			}
		})
	}
	for _, tc := range []struct {
		name, src string
		lang      Language
	}{
		{"broken OpenAPI YAML", "openapi: 3.0.3\npaths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: 'unclosed\n", YAML},
		{"broken OpenAPI JSON", "{\n  \"openapi\": \"3.0.3\",\n  // comment\n  \"paths\": {}\n}\n", JSON},
		{"broken YAML with status values", "check:\n  expected_status: 204\n  name: 'unclosed\n", YAML},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n := 0
			for _, f := range New(tc.lang, []byte(tc.src), Settings{}).Findings() {
				if f.RuleID == SyntaxErrorID {
					n++
				}
			}
			if n != 1 {
				t.Errorf("%d syntax errors, want 1", n)
			}
		})
	}
}
