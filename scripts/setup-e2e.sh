#!/usr/bin/env bash
# Installs what the end-to-end tests need, once: Debian packages (chromium, ripgrep, build tools for
# code-server's native modules), @vscode/ripgrep's download cache filled with Debian's rg, and
# code-server (= VS Code 1.100) from npm into a cache folder outside the project's dependencies.
# Idempotent: a second run only checks and prints what is there.
#
#   bash scripts/setup-e2e.sh
#
# Env: E2E_WORK (default <repo>/.e2e-work, gitignored), SKIP_APT=1 (do not call apt-get).
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WORK=${E2E_WORK:-$REPO/.e2e-work}
CS_VERSION=4.100.3 # VS Code 1.100; the last code-server line whose engines.node is 20
mkdir -p "$WORK"
step() { echo ">>> setup-e2e: $*"; }

# 1. Debian packages (we run as root in CI and here; sudo elsewhere).
APT_PACKAGES=(build-essential python3 pkg-config libkrb5-dev libsecret-1-dev libx11-dev libxkbfile-dev
  ripgrep chromium ca-certificates curl)
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ -n "${SKIP_APT:-}" ]; then
    echo "setup-e2e: missing Debian packages (SKIP_APT set): ${missing[*]}" >&2
    exit 1
  fi
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  step "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  step "Debian packages present"
fi
# node-gyp compiles against the installed node's headers instead of downloading them.
if [ ! -f /usr/include/node/common.gypi ]; then
  echo "setup-e2e: node headers missing (/usr/include/node); install Debian's nodejs headers" >&2
  exit 1
fi

# 2. @vscode/ripgrep (pinned by code-server) downloads rg from GitHub unless this cached archive exists.
RG_CACHE="$(node -p 'require("os").tmpdir()')/vscode-ripgrep-cache-1.15.11"
RG_TGZ="$RG_CACHE/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"
if [ ! -s "$RG_TGZ" ]; then
  step "ripgrep cache <- $(command -v rg)"
  mkdir -p "$RG_CACHE"
  tmp=$(mktemp -d)
  cp "$(command -v rg)" "$tmp/rg"
  tar -C "$tmp" -czf "$RG_TGZ" rg
  rm -rf "$tmp"
fi

# 3. code-server from npm, in its own folder (about a minute, 300 MB).
CS_DIR="$WORK/cs"
CS="$CS_DIR/node_modules/.bin/code-server"
installed_version() { node -p "require('$CS_DIR/node_modules/code-server/package.json').version" 2>/dev/null || true; }
if [ ! -x "$CS" ] || [ ! -x "$CS_DIR/node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg" ] \
  || [ "$(installed_version)" != "$CS_VERSION" ]; then
  step "npm install code-server@$CS_VERSION into $CS_DIR"
  rm -rf "$CS_DIR"
  mkdir -p "$CS_DIR"
  # unsafe_perm: its postinstall refuses root without it; nodedir: local headers;
  # yes: node-pty's postinstall runs npx node-gyp.
  (cd "$CS_DIR" && echo '{"name":"e2e-code-server","private":true}' > package.json &&
    npm_config_unsafe_perm=true npm_config_nodedir=/usr npm_config_yes=true \
    npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false \
    npm install --no-save --loglevel=error "code-server@$CS_VERSION")
else
  step "code-server $CS_VERSION present"
fi
export XDG_DATA_HOME="$WORK/xdg-data" # code-server writes logs there even for --version
"$CS" --config /dev/null --version | head -1

# 4. The project's own dev dependencies (playwright-core, @vscode/vsce, mocha) if this is a fresh clone.
if [ ! -d "$REPO/node_modules/playwright-core" ] || [ ! -d "$REPO/node_modules/@vscode/vsce" ] || [ ! -d "$REPO/node_modules/mocha" ]; then
  step "npm ci (project dependencies)"
  (cd "$REPO" && npm ci --no-audit --no-fund)
fi

# 5. The browser playwright-core drives.
test -x /usr/bin/chromium || { echo "setup-e2e: /usr/bin/chromium missing" >&2; exit 1; }
step "ready (work folder $WORK)"
