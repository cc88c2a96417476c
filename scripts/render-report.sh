#!/usr/bin/env bash
# Renders a data-quality report page (sessions-admin report) in Debian's headless Chromium and saves a screenshot.
#   scripts/render-report.sh reports/quality-default.html [reports/quality-default.png]
# Installs nothing: scripts/install-prerequisites.sh installs chromium.
set -euo pipefail

html=${1:?usage: render-report.sh REPORT.html [SCREENSHOT.png]}
png=${2:-${html%.html}.png}
[ -f "$html" ] || { echo "render-report: no such file: $html" >&2; exit 1; }
command -v chromium >/dev/null 2>&1 || { echo "render-report: chromium is missing; run scripts/install-prerequisites.sh" >&2; exit 1; }

# --no-sandbox: the sandbox cannot start as root (CI); the page is our own and loads nothing.
chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars --window-size=1100,2000 \
  --screenshot="$(realpath -m "$png")" "file://$(realpath "$html")" >/dev/null 2>&1
[ -s "$png" ] || { echo "render-report: chromium wrote no screenshot" >&2; exit 1; }
echo "render-report: $png"
