package analysis

import (
	"strings"
	"testing"

	"github.com/httpcode-lsp/httpcode-lsp/internal/lint"
)

func TestLanguageOf(t *testing.T) {
	for _, tc := range []struct {
		id, name string
		want     Language
	}{
		{"go", "x.txt", Go},
		{"", "file:///a/b.GO", Go},
		{"yaml", "", YAML},
		{"", "/a/spec.yml", YAML},
		{"plaintext", "/a/spec.json", JSON},
		{"jsonc", "", JSON},
		{"", "/a/readme.md", Unknown},
	} {
		if got := LanguageOf(tc.id, tc.name); got != tc.want {
			t.Errorf("LanguageOf(%q, %q) = %v, want %v", tc.id, tc.name, got, tc.want)
		}
	}
}

func TestConfigure(t *testing.T) {
	cfg, err := Configure([]byte(`{"rules":{"unquoted-status-code":"off"},"codes":{"499":"Client Closed Request"}}`),
		[]byte(`{"rules":{"missing-header":"error"}}`))
	if err != nil {
		t.Fatal(err)
	}
	s := SettingsOf(cfg)
	if s.Lint.Severities["unquoted-status-code"] != lint.Off || s.Lint.Severities["missing-header"] != lint.Error {
		t.Errorf("severities %v", s.Lint.Severities)
	}
	if s.Lint.CustomCodes[499] != "Client Closed Request" {
		t.Errorf("custom codes %v", s.Lint.CustomCodes)
	}
	if _, err := Configure([]byte(`{"rules":{"no-such-rule":"off"}}`)); err == nil || !strings.Contains(err.Error(), "no-such-rule") {
		t.Errorf("unknown rule: %v", err)
	}
}

func TestFindings(t *testing.T) {
	spec := "openapi: 3.0.3\npaths:\n  /a:\n    get:\n      responses:\n        200:\n          description: 'unclosed\n"
	f := New(YAML, []byte(spec), Settings{})
	found := f.Findings()
	if len(found) == 0 || found[0].RuleID != SyntaxErrorID {
		t.Fatalf("findings %v, want the syntax error first", found)
	}
	// Settings reach the rules: turning a rule off removes its findings.
	src := "openapi: 3.0.3\npaths:\n  /a:\n    get:\n      responses:\n        200:\n          description: OK\n"
	if !hasRule(New(YAML, []byte(src), Settings{}).Findings(), "unquoted-status-code") {
		t.Fatal("no unquoted-status-code by default")
	}
	off := Settings{Lint: lint.Options{Severities: map[string]lint.Severity{"unquoted-status-code": lint.Off}}}
	if hasRule(New(YAML, []byte(src), off).Findings(), "unquoted-status-code") {
		t.Error("unquoted-status-code reported though it is off")
	}
	// Plain YAML has occurrences but no OpenAPI findings; JSON that is not
	// OpenAPI has neither.
	plain := New(YAML, []byte("check:\n  expected_status: 204\n"), Settings{})
	if len(plain.Occurrences()) != 1 || len(plain.Findings()) != 0 {
		t.Errorf("plain YAML: %v occurrences, %v findings", plain.Occurrences(), plain.Findings())
	}
	if j := New(JSON, []byte(`{"status": 404}`), Settings{}); len(j.Occurrences()) != 0 {
		t.Errorf("plain JSON occurrences %v", j.Occurrences())
	}
}

func hasRule(fs []lint.Finding, id string) bool {
	for _, f := range fs {
		if f.RuleID == id {
			return true
		}
	}
	return false
}

// TestSurrogateEscapes checks that a JSON spec with a UTF-16 surrogate
// pair escape, and lone or reversed halves, is analysed in full: no
// syntax error, and the rules' findings after the escapes.
func TestSurrogateEscapes(t *testing.T) {
	src := `{
  "openapi": "3.0.3",
  "info": {"title": "Hello! \ud83d\udc4d", "version": "1", "description": "\udc4d\ud83d and \ud83d alone"},
  "paths": {
    "/a": {
      "get": {
        "responses": {
          "200": {"description": "OK \uD83D\uDE00"},
          "2000": {"description": "typo"}
        }
      }
    }
  }
}
`
	f := New(JSON, []byte(src), Settings{})
	if len(f.Occurrences()) != 1 {
		t.Errorf("occurrences %v, want the 200 key", f.Occurrences())
	}
	var ids []string
	for _, fd := range f.Findings() {
		ids = append(ids, fd.RuleID)
		if fd.Severity == lint.Error && fd.RuleID == SyntaxErrorID {
			t.Errorf("syntax error: %s", fd.Message)
		}
	}
	if !hasRule(f.Findings(), "invalid-status-code") {
		t.Errorf("findings %v, want invalid-status-code on 2000", ids)
	}
}
