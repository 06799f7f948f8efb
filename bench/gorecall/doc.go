// Command gorecall measures the Go analysis (internal/golang and the Go
// rules of internal/lint) against hand-labelled positions of real Go
// modules, and prints one Markdown table per set: dev (the modules of
// issue 15, which the analysis may be tuned on), held-out (other
// modules, which it must not be) and fresh (yet other modules, labelled
// apart from the analysis and before any run of it on their files, once
// the held-out figures had been seen while tuning; not to be tuned on
// either).
//
// The labels are in labels/dev/, labels/heldout/ and labels/fresh/, one
// tab-separated file per module: module@version, file, line, byte column,
// the text, the verdict (status or not-status), the role (send, observe,
// lookup, define) and whether it is the bound of an ordering comparison
// (a class boundary), with a note. Every candidate position of a labelled file (a
// decimal integer literal 100..999, a Status* constant, another integer
// literal beside a status word, a swaggo annotation's code) has a label,
// judged by reading the code; the run lists the candidates left without
// one (--list-unlabelled), and `gorecall candidates module@version file...`
// prints a new file's candidates as rows to judge.
//
// The modules are downloaded with `go mod download` through the module
// proxy into the git-ignored bench/.cache/gomod. Each labelled file is
// scanned with golang.ScanPackage, its package in view (the directory's
// files of the same package and of its external _test package), and
// checked with lint.Go. The figures:
//
//   - hover recall: labelled status positions an occurrence covers;
//   - class-boundary recall: the same, for the labelled boundaries;
//   - false hovers: occurrences at positions labelled not-status, over all
//     occurrences of the labelled files; occurrences at unlabelled
//     positions are counted apart, to be judged and labelled;
//   - role accuracy: hovered status positions whose occurrence has the
//     labelled role;
//   - rule precision: each non-hint finding of a Go rule is looked up in
//     findings.tsv (true or false, with why); unjudged findings are counted
//     and printed by --list-findings as rows to judge;
//   - usestdlibvars: the literal status findings of the analyzer
//     github.com/sashamelentyev/usestdlibvars on every file of the
//     labelled files' packages, and how many of them an occurrence of the
//     file's scan covers. Its driver is the module
//     stdlibvars/ beside this file, built with its own go.mod so that
//     httpcode-lsp's does not carry the analyzer; the analyzer reads syntax
//     only, so each file is its own pass, without type checking.
//
// --by-module adds each module's figures, to see that no module carries
// the set. --list-misses prints the labelled status positions not
// hovered, those hovered with another role, the false hovers and the
// usestdlibvars literals not hovered, each with its line of code, for the
// dev set only: the held-out and fresh sets are for checking, not for
// tuning (--held-out-misses and --fresh-misses add them). bench/gorecall.sh runs it from the
// repository's root.
package main
