package lint

import (
	"os"
	"path/filepath"
	"testing"
)

// TestRulesDocIsCurrent keeps docs/rules.md, which every diagnostic links
// to, equal to RulesMarkdown (go test ./internal/lint -update rewrites it).
func TestRulesDocIsCurrent(t *testing.T) {
	path := filepath.Join("..", "..", "docs", "rules.md")
	want := RulesMarkdown()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/lint -update)", err)
	}
	if string(got) != want {
		t.Errorf("docs/rules.md is out of date; run go test ./internal/lint -update")
	}
}
