// Command httpcode-lsp is a language server that knows HTTP status codes.
//
//	httpcode-lsp [serve] [--stdio] [--log-file PATH] [--log-level LEVEL]
//	httpcode-lsp check [--format text|json|sarif] [--fail-on SEVERITY] [--fix|--diff] [PATH...]
//	httpcode-lsp explain CODE|CLASS|RULE...
//	httpcode-lsp codes [--class 4xx] [--json]
//	httpcode-lsp version
//
// In server mode stdout carries only protocol frames; logs go to stderr or
// to --log-file. The other commands live in internal/cli.
package main
