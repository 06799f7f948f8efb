#!/usr/bin/env bash
# The extension's part of ./scripts/test: installs the npm dependencies
# when needed, packages the .vsix for this machine (cross-build, esbuild
# bundle, vsce, .vscodeignore), checks what it ships, and runs the unit
# tests and the end-to-end test against the server binary taken out of
# that .vsix.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh

case "$(go env GOOS)/$(go env GOARCH)" in
  linux/amd64)   target=linux-x64 ;;
  linux/arm64)   target=linux-arm64 ;;
  darwin/amd64)  target=darwin-x64 ;;
  darwin/arm64)  target=darwin-arm64 ;;
  windows/amd64) target=win32-x64 ;;
  *) echo "check: no VS Code target for $(go env GOOS)/$(go env GOARCH)" >&2; exit 1 ;;
esac
exe=httpcode-lsp
[ "$target" = win32-x64 ] && exe=httpcode-lsp.exe
version="$(node -p 'require("./package.json").version')"
vsix="vsix/httpcode-lsp-$target-$version.vsix"
rm -f "$vsix"
bash scripts/build-vsix.sh "$target"

echo "== $vsix ships"
want="$(printf '%s\n' '[Content_Types].xml' extension.vsixmanifest extension/package.json \
  extension/readme.md extension/changelog.md extension/LICENSE.txt extension/images/icon.png \
  extension/dist/extension.js "extension/server/$exe" | sort)"
got="$(unzip -Z1 "$vsix" | sort)"
if [ "$got" != "$want" ]; then
  printf 'check: %s holds\n%s\nwant\n%s\n' "$vsix" "$got" "$want" >&2
  exit 1
fi
manifest="$(unzip -p "$vsix" extension.vsixmanifest)"
for tag in '<License>extension/LICENSE.txt</License>' '<Icon>extension/images/icon.png</Icon>'; do
  if ! grep -qF "$tag" <<<"$manifest"; then
    printf 'check: the manifest of %s lacks %s\n' "$vsix" "$tag" >&2
    exit 1
  fi
done
unzipped="$(mktemp -d)"
trap 'rm -rf "$unzipped"' EXIT
unzip -q -d "$unzipped" "$vsix" "extension/server/$exe"
server="$unzipped/extension/server/$exe"
if [ ! -x "$server" ]; then
  echo "check: the packaged $exe is not executable" >&2
  exit 1
fi
"$server" version

echo "== npm test (typecheck, unit tests, end-to-end test of the packaged server)"
HTTPCODE_LSP="$server" npm test
