#!/usr/bin/env bash
# Builds code-server (VS Code served to a browser) once per machine, into
# ${XDG_CACHE_HOME:-~/.cache}/httpcode-lsp/code-server-<version>, and
# prints that directory. A later run finds it there and only prints it.
#
# It builds without downloading anything but npm packages: code-server's
# own postinstall would fetch ripgrep from GitHub and node headers from
# nodejs.org, so the packages are installed with --ignore-scripts and the
# native modules rebuilt against the system's node headers
# (npm_config_nodedir=/usr); ripgrep is Debian's. Needs node 20, npm,
# g++, make, python3, rg (ripgrep) and krb5-config (libkrb5-dev).
set -euo pipefail

version=4.100.3
cache="${XDG_CACHE_HOME:-$HOME/.cache}/httpcode-lsp"
dir="$cache/code-server-$version"
if [ -f "$dir/.built" ]; then
  echo "$dir"
  exit 0
fi

for tool in node npm g++ make python3 rg krb5-config; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "code-server.sh: $tool is missing (Debian: nodejs npm g++ make python3 ripgrep libkrb5-dev)" >&2
    exit 1
  fi
done
if [ ! -f /usr/include/node/node.h ]; then
  echo "code-server.sh: no node headers in /usr/include/node (nodesource's nodejs, or Debian's libnode-dev)" >&2
  exit 1
fi
node_major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$node_major" != 20 ]; then
  echo "code-server.sh: code-server $version needs node 20, not $(node --version)" >&2
  exit 1
fi

export npm_config_nodedir=/usr npm_config_yes=true npm_config_audit=false npm_config_fund=false
mkdir -p "$cache"
build="$(mktemp -d "$cache/code-server-$version.build.XXXXXX")"
trap 'rm -rf "$build"' EXIT
started=$SECONDS
{
  echo "== code-server $version: building once into $dir"
  cd "$build"
  npm pack --silent "code-server@$version" >/dev/null
  npm install --ignore-scripts --omit=dev "./code-server-$version.tgz"
  rm "code-server-$version.tgz"
  npm rebuild argon2

  # What code-server's postinstall.sh does, less the downloads.
  cd node_modules/code-server/lib/vscode
  npm install --ignore-scripts --omit=dev
  # The native modules that build on Linux; @vscode/ripgrep's install
  # script is the download that Debian's rg replaces.
  npm rebuild @parcel/watcher @vscode/deviceid @vscode/spdlog kerberos native-watchdog node-pty
  mkdir -p node_modules/@vscode/ripgrep/bin
  cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
  ln -sfn node_modules node_modules.asar
  ln -sfn code-linux.sh bin/remote-cli/code-server
  ln -sfn browser-linux.sh bin/helpers/browser.sh
  (cd extensions && npm install --omit=dev)
  cd "$build"
  # --config and XDG_DATA_HOME: it would write a config and a log folder
  # into the home directory otherwise.
  XDG_DATA_HOME="$build/.data" node_modules/.bin/code-server --config /dev/null --version
  rm -rf "$build/.data"
} >&2
touch "$build/.built"
# Another run may have finished first: keep its build, which may be in use.
if [ ! -f "$dir/.built" ]; then
  rm -rf "$dir"
  mv -T "$build" "$dir"
fi
echo "== code-server $version built in $((SECONDS - started)) s" >&2
echo "$dir"
