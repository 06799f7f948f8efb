#!/usr/bin/env bash
# Fetches the benchmark's real-world input into the git-ignored
# bench/.cache: GitHub's REST description (13 MB of JSON) from the npm
# package @octokit/openapi, and @redocly/cli, the baseline linter.
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
echo "bench/.cache: api.github.com.json, node_modules/.bin/redocly" >&2
