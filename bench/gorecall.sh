#!/usr/bin/env bash
# Measures the Go analysis against the hand-labelled positions of real
# modules (bench/gorecall/labels) and prints the dev, held-out and fresh
# tables (Markdown) on stdout. The modules, and usestdlibvars for its
# column, are downloaded through the Go module proxy into the git-ignored
# bench/.cache/gomod on the first run (its files are read-only, as in any
# module cache: `GOMODCACHE=$PWD/bench/.cache/gomod go clean -modcache`
# removes them). Flags go to bench/gorecall:
#
#   bench/gorecall.sh                    # the tables
#   bench/gorecall.sh --by-module        # and each module's figures
#   bench/gorecall.sh --list-misses      # and every miss of the dev set, with its line of code
#   bench/gorecall.sh --list-misses --fresh-misses  # and the fresh set's too (not to tune on)
#   bench/gorecall.sh --list-unlabelled  # hovers and candidates without a label
#   bench/gorecall.sh --list-findings    # unjudged findings, as rows for findings.tsv
#   bench/gorecall.sh --stdlibvars=false # without usestdlibvars
set -euo pipefail
cd "$(dirname "$0")/.."
exec go run ./bench/gorecall "$@"
