// Package golden keeps tests' expected output in files beside them: Check
// compares a test's output with its file, and `go test -update` rewrites
// the files from the output. Tests import it; the binary does not.
package golden
