// Package lint owns the diagnostics of httpcode-lsp: the rules that turn RFC
// 9110 and the REST guidance of the seed notes into findings over one
// file's model (an OpenAPI document or a scanned Go file), their quick
// fixes as text edits, the configuration of severities and custom codes,
// and the suppression comments. It is pure: no I/O, no LSP types; ranges
// are byte offsets into the file's text.
package lint
