#!/usr/bin/env bash
# Installs the npm dependencies of the extension (or of the package folder
# given, e.g. test/browser) with `npm ci` when node_modules is missing or
# was installed from another package.json or package-lock.json (their
# checksum is kept in node_modules/.deps.sha256); otherwise does nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
cd "${1:-.}"
stamp=node_modules/.deps.sha256
want="$(cat package.json package-lock.json | sha256sum | cut -d' ' -f1)"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  exit 0
fi
echo "== npm ci (editors/vscode${1:+/$1})"
npm ci --no-audit --no-fund
echo "$want" > "$stamp"
