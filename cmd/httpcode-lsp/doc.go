// Command httpcode-lsp is a language server that knows HTTP status codes.
//
//	httpcode-lsp [serve] [--stdio] [--log-file PATH] [--log-level LEVEL] [--debounce DURATION]
//	httpcode-lsp check [--format text|json|sarif] [--fail-on SEVERITY] [--fix|--diff] [--include-testdata] [PATH...]
//	httpcode-lsp explain CODE|CLASS|RULE...
//	httpcode-lsp codes [--class 4xx] [--json]
//	httpcode-lsp rules
//	httpcode-lsp version
//	httpcode-lsp completion bash|zsh|fish|powershell
//	httpcode-lsp help [COMMAND]
//
// In server mode stdout carries only protocol frames; logs go to stderr or
// to --log-file. The commands are defined in internal/cli; this package
// adds the server and its flags.
package main
