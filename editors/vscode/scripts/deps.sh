#!/usr/bin/env bash
# Installs the extension's npm dependencies with `npm ci` when node_modules
# is missing or was installed from another package.json or
# package-lock.json (their checksum is kept in node_modules/.deps.sha256);
# otherwise does nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
stamp=node_modules/.deps.sha256
want="$(cat package.json package-lock.json | sha256sum | cut -d' ' -f1)"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  exit 0
fi
echo "== npm ci (editors/vscode)"
npm ci --no-audit --no-fund
echo "$want" > "$stamp"
