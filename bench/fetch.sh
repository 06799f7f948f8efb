#!/usr/bin/env bash
# Fetches the benchmark's real-world input into the git-ignored
# bench/.cache: GitHub's REST description (13 MB of JSON) from the npm
# package @octokit/openapi, @redocly/cli, the baseline linter, and
# k8s.io/apiserver's source from the Go module proxy, for `check` over a
# real module.
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p .cache
cd .cache

spec_pkg="@octokit/openapi@23.0.2"
if [ ! -s api.github.com.json ]; then
  tgz=$(npm pack --silent "$spec_pkg" | tail -n 1)
  tar -xzf "$tgz" package/generated/api.github.com.json
  mv package/generated/api.github.com.json api.github.com.json
  rm -rf package
fi

redocly_pkg="@redocly/cli@2.77.0"
if [ ! -x node_modules/.bin/redocly ]; then
  [ -f package.json ] || echo '{"private": true}' > package.json
  npm install --silent --no-audit --no-fund "$redocly_pkg" >&2
fi
if [ ! -s apiserver.dir ]; then
  # A module cache of its own, writable so that the cache can be removed.
  GOMODCACHE="$PWD/gomod" GOFLAGS=-modcacherw go mod download -json k8s.io/apiserver@latest |
    sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p' > apiserver.dir
fi
echo "bench/.cache: api.github.com.json, node_modules/.bin/redocly, $(cat apiserver.dir)" >&2
