// Package specgen generates OpenAPI documents and Go files of a chosen
// size for tests and benchmarks: realistic enough to exercise the parsers
// and rules, deterministic so that results compare across runs.
package specgen
