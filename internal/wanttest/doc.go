// Package wanttest is the test harness for fixtures that carry their
// expectations inline, in the go/analysis style, whatever they are
// expectations of: the lint rules' findings, the openapi scanner's
// occurrences and syntax errors.
//
// One grammar serves Go, YAML and JSON. A comment on a line holds the
// expectations of that line:
//
//	w.WriteHeader(404) // want "use-status-constant: use http.StatusNotFound"
//	'204':  # want "body-not-allowed: .*remove content"
//	'404':  # want 404 "DELETE /items/{id}"
//	'4  # want error
//
// After `want` come items: a bare word, a quoted string ("..." or `...`,
// Go syntax), or a bare word followed by a quoted string, which form one
// expectation (Want). What an expectation means is the test's: a quoted
// string alone is a regexp matched against a message (MatchMessages), a
// code and a quoted context describe an occurrence (MatchOccurrences),
// `error` marks a syntax error. JSON has no comments: a sibling file
// name.json.want holds the same items keyed by 1-based line,
// "12: 404 \"GET /a\"", with blank lines and lines starting with # left
// out.
//
// Match pairs what a test found with the expectations on its line and
// fails on each one found that nothing expected and each expectation
// nothing matched. Run does that for every fixture of a directory and
// compares the text after the fixes with name.golden beside the fixture
// (go test -update rewrites the golden files).
package wanttest
