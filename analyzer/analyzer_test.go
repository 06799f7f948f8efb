package analyzer_test

import (
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/httpcode-lsp/httpcode-lsp/analyzer"
)

// The analyzer reports the default rules' findings with their messages,
// honours suppression comments, and its suggested fix inserts the return
// (testdata/src/handlers/handlers.go.golden).
func TestAnalyzer(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), analyzer.Analyzer, "handlers")
}

// -rules chooses the rules: all of them adds the hints.
func TestRulesFlag(t *testing.T) {
	a := analyzer.New([]string{"use-status-constant"})
	results := analysistest.Run(fakeT{t}, analysistest.TestData(), a, "handlers")
	var got []string
	for _, r := range results {
		for _, d := range r.Diagnostics {
			got = append(got, d.Message)
		}
	}
	if len(got) != 1 || !strings.HasPrefix(got[0], "use-status-constant: use http.StatusOK instead of 200") {
		t.Errorf("diagnostics %q, want the one use-status-constant hint", got)
	}
	if err := analyzer.CheckRules([]string{"no-such-rule"}); err == nil || !strings.Contains(err.Error(), `"no-such-rule" is not a Go rule`) {
		t.Errorf("CheckRules(no-such-rule) = %v", err)
	}
	if err := analyzer.CheckRules([]string{"unquoted-status-code"}); err == nil {
		t.Error("CheckRules accepts a rule of OpenAPI only")
	}
}

// fakeT lets analysistest.Run compare the want comments, which expect the
// default rules, without failing the test: TestRulesFlag checks the
// diagnostics itself.
type fakeT struct{ *testing.T }

func (fakeT) Errorf(string, ...any) {}
