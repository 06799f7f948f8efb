// Package golangci registers httpcode-lsp's Go rules as a golangci-lint
// module plugin named "httpcode". Build a golangci-lint with it from a
// .custom-gcl.yml that imports this package (see the README), then enable
// the linter in .golangci.yml, where its settings are
//
//	rules: [status-written-twice, header-after-write]   # default: analyzer.Rules()
package golangci

import (
	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/httpcode-lsp/httpcode-lsp/analyzer"
)

func init() { register.Plugin("httpcode", New) }

// Settings are the linter's settings in .golangci.yml.
type Settings struct {
	// Rules are the IDs of the rules to report; empty for the defaults.
	Rules []string `json:"rules"`
}

type plugin struct{ settings Settings }

// New makes the plugin from its settings.
func New(conf any) (register.LinterPlugin, error) {
	s, err := register.DecodeSettings[Settings](conf)
	if err != nil {
		return nil, err
	}
	if err := analyzer.CheckRules(s.Rules); err != nil {
		return nil, err
	}
	return &plugin{settings: s}, nil
}

// BuildAnalyzers returns the analyzer with the rules the settings choose.
func (p *plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	return []*analysis.Analyzer{analyzer.New(p.settings.Rules)}, nil
}

// GetLoadMode asks for syntax only: the rules need no type information.
func (p *plugin) GetLoadMode() string { return register.LoadModeSyntax }
