module github.com/httpcode-lsp/httpcode-lsp

go 1.25.0

// Pinned together: go.lsp.dev/jsonrpc2 v1.x changed its handler signature
// and does not compile with go.lsp.dev/protocol v0.12.0, which in turn
// needs go.lsp.dev/uri v0.3.0. Upgrade the three only as a set.
require (
	// The Helix set-up's test reads languages.toml as Helix does
	// (editors/editors_test.go).
	github.com/BurntSushi/toml v1.6.0
	// The JSON decoder go.lsp.dev/jsonrpc2 uses; the server's frame
	// reader decodes document notifications with it too (internal/jsonrpc).
	github.com/segmentio/encoding v0.3.4
	go.lsp.dev/jsonrpc2 v0.10.0
	go.lsp.dev/protocol v0.12.0
	go.uber.org/zap v1.28.0
	gopkg.in/yaml.v3 v3.0.1
)

// The command line (internal/cli): commands, flags and shell completion,
// the nearest rule ID to a misspelt one, and whether output goes to a
// terminal.
require (
	github.com/agnivade/levenshtein v1.2.2
	github.com/spf13/cobra v1.10.2
	github.com/spf13/pflag v1.0.9
	golang.org/x/term v0.44.0
)

// The Go rules' control flow (go/cfg), their go/analysis Analyzer
// (analyzer/, cmd/httpcode-vet) and its golangci-lint module plugin.
require (
	github.com/golangci/plugin-module-register v0.1.2
	golang.org/x/tools v0.49.0
)

require (
	github.com/inconshreveable/mousetrap v1.1.0 // indirect
	github.com/segmentio/asm v1.1.3 // indirect
	go.lsp.dev/pkg v0.0.0-20210717090340-384b27a52fb2 // indirect
	go.lsp.dev/uri v0.3.0 // indirect
	go.uber.org/multierr v1.10.0 // indirect
	golang.org/x/mod v0.39.0 // indirect
	golang.org/x/sync v0.22.0 // indirect
	golang.org/x/sys v0.47.0 // indirect
)
