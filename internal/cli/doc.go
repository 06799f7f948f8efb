// Package cli is httpcode-lsp's command line for people and CI: `check`
// runs the analysis the editor shows (package analysis, under the same
// .httpcode-lsp.yaml) over files and directories and prints the findings as
// compiler-style text, JSON or SARIF, applying the safe quick fixes on
// request; `explain` prints what the catalog knows of a code, a class or a
// rule; `codes` lists the catalog; `rules` lists the rules; `version`,
// `help` and `completion` do what their names say. Main parses the
// command line (cobra) and returns the process's exit code;
// cmd/httpcode-lsp adds the language server, run by default, and its
// flags.
package cli
