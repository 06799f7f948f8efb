package golangci_test

import (
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"

	_ "github.com/httpcode-lsp/httpcode-lsp/analyzer/golangci"
)

// The package registers the plugin "httpcode", which builds the analyzer
// from its settings in syntax mode and refuses an unknown rule.
func TestPlugin(t *testing.T) {
	newPlugin, err := register.GetPlugin("httpcode")
	if err != nil {
		t.Fatal(err)
	}
	p, err := newPlugin(map[string]any{"rules": []any{"status-written-twice", "header-after-write"}})
	if err != nil {
		t.Fatal(err)
	}
	as, err := p.BuildAnalyzers()
	if err != nil || len(as) != 1 || as[0].Name != "httpcode" {
		t.Fatalf("BuildAnalyzers = %v, %v; want the httpcode analyzer", as, err)
	}
	if got := as[0].Flags.Lookup("rules").Value.String(); got != "status-written-twice,header-after-write" {
		t.Errorf("analyzer rules %q", got)
	}
	if p.GetLoadMode() != register.LoadModeSyntax {
		t.Errorf("load mode %q, want syntax", p.GetLoadMode())
	}
	if _, err := newPlugin(map[string]any{"rules": []any{"no-such-rule"}}); err == nil || !strings.Contains(err.Error(), "no-such-rule") {
		t.Errorf("unknown rule: %v", err)
	}
	if _, err := newPlugin(map[string]any{"rule": []any{}}); err == nil {
		t.Error("a misspelt setting is accepted")
	}
	if _, err := newPlugin(nil); err != nil {
		t.Errorf("no settings: %v", err)
	}
}
