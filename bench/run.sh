#!/usr/bin/env bash
# Builds httpcode-lsp and prints the benchmark table (Markdown) on stdout;
# progress goes to stderr. `bench/run.sh --smoke` measures the small
# generated file only (hovered while a generated 3 MB spec, not 39 MB, is
# analysed), needs no network, and is part of scripts/test.
set -euo pipefail
cd "$(dirname "$0")/.."

smoke=""
redocly=""
if [ "${1:-}" = "--smoke" ]; then
  smoke="--smoke"
  dir=$(mktemp -d)
  trap 'rm -rf "$dir"' EXIT
else
  bench/fetch.sh
  dir=bench/.cache
  redocly="$PWD/bench/.cache/node_modules/.bin/redocly"
fi

export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true
bin="$dir/httpcode-lsp"
go build -o "$bin" ./cmd/httpcode-lsp
go run ./bench/lspbench --bin "$bin" --dir "$dir" ${redocly:+--redocly "$redocly"} $smoke
