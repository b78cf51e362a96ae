#!/usr/bin/env bash
# Makes sure the tests have what they need: Debian's Chromium, a CJK font for the Chinese labels
# and poppler's PDF renderer (pdftoppm, pdftotext), which checks that exported PDFs print without
# any installed font. Installs them with apt when run as root; never downloads a browser via npm.
set -euo pipefail

chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"
missing=()
[ -x "$chromium_path" ] || missing+=(chromium)
if ! fc-list :lang=zh 2>/dev/null | grep -q .; then missing+=(fonts-noto-cjk); fi
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)

if [ ${#missing[@]} -eq 0 ]; then exit 0; fi

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "ensure-browser: installing ${missing[*]} from Debian's packages (once per machine)…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  [ -x "$chromium_path" ] || { echo "ensure-browser: $chromium_path still missing after install" >&2; exit 1; }
  exit 0
fi

cat >&2 <<MSG
ensure-browser: the tests need: ${missing[*]}
Install them with Debian's packages (as root):
    apt-get update && apt-get install -y ${missing[*]}
or point CHROMIUM_PATH at an existing Chromium. Do not use 'npx playwright install'.
MSG
exit 1
