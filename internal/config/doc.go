// Package config is httpcode-lsp's configuration. It has one shape wherever
// it comes from — the workspace's .httpcode-lsp.yaml, LSP
// initializationOptions and workspace/didChangeConfiguration, in that
// order — and a later source overrides the fields it sets (for maps, the
// keys it sets), leaving the others as they were.
package config
