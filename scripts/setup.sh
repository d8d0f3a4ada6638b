#!/usr/bin/env bash
# The README's first command: install everything (npm packages; for the end-to-end tests a real
# VS Code — code-server — and Debian's Chromium), build, and forecast the op-ed sample.
set -euo pipefail
cd "$(dirname "$0")/.."
npm ci --no-audit --no-fund
bash scripts/setup-e2e.sh
npm run build
node bin/scenario.js forecast samples/us-pakistan-2025.scenario
