#!/usr/bin/env bash
# Installs the Debian packages the tests need when they are missing: Chromium for the end-to-end tests
# (Playwright cannot download browsers here) and poppler-utils (pdftoppm) to rasterise report pages.
set -euo pipefail
missing=()
if ! { [ -n "${CHROMIUM_PATH:-}" ] && [ -x "$CHROMIUM_PATH" ]; } && [ ! -x /usr/bin/chromium ]; then missing+=(chromium); fi
if ! command -v pdftoppm >/dev/null 2>&1; then missing+=(poppler-utils); fi
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != "0" ]; then
  echo "Paquets manquants (${missing[*]}) : l'installation demande les droits root. Lancez « sudo apt-get install -y ${missing[*]} » puis relancez les tests." >&2
  exit 1
fi
echo "Installation de ${missing[*]} (Debian)…"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq "${missing[@]}" >/dev/null
