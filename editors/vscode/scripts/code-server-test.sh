#!/usr/bin/env bash
# The extension in a real VS Code: builds code-server when this machine has
# no build yet (scripts/code-server.sh, cached outside the repository),
# packages the .vsix for this machine, and runs test/browser, which
# installs it into code-server and drives VS Code through Debian's
# chromium with puppeteer-core. Needs chromium and what code-server.sh
# needs; a failed step leaves a screenshot whose path it prints.
set -euo pipefail
cd "$(dirname "$0")/.."

case "$(uname -s)/$(uname -m)" in
  Linux/x86_64)  target=linux-x64 ;;
  Linux/aarch64) target=linux-arm64 ;;
  *) echo "code-server-test: runs on Linux x64 or arm64 only" >&2; exit 1 ;;
esac
chromium="${CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
  echo "code-server-test: no $chromium (Debian: chromium)" >&2
  exit 1
fi

started=$SECONDS
code_server="$(bash scripts/code-server.sh)"

bash scripts/deps.sh
version="$(node -p 'require("./package.json").version')"
vsix="vsix/httpcode-lsp-$target-$version.vsix"
rm -f "$vsix"
bash scripts/build-vsix.sh "$target"

# puppeteer-core is the test's own package, so that the extension's
# dependencies stay what it ships with.
bash scripts/deps.sh test/browser

echo "== code-server $(node -p "require('$code_server/node_modules/code-server/package.json').version") through $("$chromium" --version 2>/dev/null)"
CODE_SERVER="$code_server" VSIX="$PWD/$vsix" CHROMIUM="$chromium" \
  node --test --test-reporter=spec test/browser/code-server.test.mjs
echo "== code-server test: $((SECONDS - started)) s"
