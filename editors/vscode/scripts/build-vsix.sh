#!/usr/bin/env bash
# Builds the platform-specific .vsix packages of the VS Code extension:
# for each target, cross-compiles the httpcode-lsp server with Go into
# server/ and runs `vsce package --target <target>` (vsce from
# node_modules: run `npm ci` first).
#
#   scripts/build-vsix.sh                 # every target
#   scripts/build-vsix.sh linux-x64       # some targets
#   scripts/build-vsix.sh universal       # no bundled binary (uses the setting or PATH)
#
# Packages go to editors/vscode/vsix/. Needs go and node.
set -euo pipefail
ext="$(cd "$(dirname "$0")/.." && pwd)"
root="$(cd "$ext/../.." && pwd)"
cd "$ext"

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(linux-x64 linux-arm64 darwin-x64 darwin-arm64 win32-x64)
fi

vsce="$ext/node_modules/.bin/vsce"
if [ ! -x "$vsce" ]; then
  echo "build-vsix: $vsce is missing; run npm ci in $ext first" >&2
  exit 1
fi
version="$(node -p 'require("./package.json").version')"

# The extension ships the repository's licence.
cp "$root/LICENSE" "$ext/LICENSE"

# vsce runs the vscode:prepublish script (the esbuild bundle) itself.
mkdir -p vsix
trap 'rm -rf "$ext/server"' EXIT

for target in "${targets[@]}"; do
  case "$target" in
    linux-x64)    goos=linux   goarch=amd64 ;;
    linux-arm64)  goos=linux   goarch=arm64 ;;
    darwin-x64)   goos=darwin  goarch=amd64 ;;
    darwin-arm64) goos=darwin  goarch=arm64 ;;
    win32-x64)    goos=windows goarch=amd64 ;;
    universal)    goos= goarch= ;;
    *) echo "build-vsix: unknown target $target (linux-x64, linux-arm64, darwin-x64, darwin-arm64, win32-x64, universal)" >&2; exit 2 ;;
  esac
  rm -rf server
  target_flag=()
  out="vsix/httpcode-lsp-$version.vsix"
  if [ -n "$goos" ]; then
    exe=httpcode-lsp
    [ "$goos" = windows ] && exe=httpcode-lsp.exe
    echo "== go build $goos/$goarch -> server/$exe"
    # The server reports its version from the VCS stamp unless
    # HTTPCODE_LSP_VERSION (e.g. a release tag) is given.
    ldflags="-s -w"
    [ -n "${HTTPCODE_LSP_VERSION:-}" ] && ldflags="$ldflags -X main.version=$HTTPCODE_LSP_VERSION"
    (cd "$root" && CGO_ENABLED=0 GOOS=$goos GOARCH=$goarch \
      go build -trimpath -ldflags "$ldflags" -o "$ext/server/$exe" ./cmd/httpcode-lsp)
    target_flag=(--target "$target")
    out="vsix/httpcode-lsp-$target-$version.vsix"
  fi
  echo "== vsce package ($target) -> $out"
  "$vsce" package ${target_flag[@]+"${target_flag[@]}"} --no-dependencies --out "$out"
done
