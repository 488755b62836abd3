#!/usr/bin/env bash
# Installs the Debian packages the tests need when they are missing: Chromium for the end-to-end tests
# (Playwright cannot download browsers here), poppler-utils (pdftoppm) to rasterise report pages, LibreOffice
# Draw without its GUI (soffice) to open the ODG and VSDX plans as the administration would, and PostgreSQL for the
# portal's tests.
set -euo pipefail
missing=()
if ! { [ -n "${CHROMIUM_PATH:-}" ] && [ -x "$CHROMIUM_PATH" ]; } && [ ! -x /usr/bin/chromium ]; then missing+=(chromium); fi
if ! command -v pdftoppm >/dev/null 2>&1; then missing+=(poppler-utils); fi
# PostgreSQL's server binaries, for the portal's tests on a real server (the tests start and drop their own).
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then missing+=(postgresql); fi
# LibreOffice without its recommended packages (Java, help, GUI): Draw and its import filters only.
lean=()
if ! command -v soffice >/dev/null 2>&1; then lean+=(libreoffice-draw-nogui); fi
[ ${#missing[@]} -eq 0 ] && [ ${#lean[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != "0" ]; then
  echo "Paquets manquants (${missing[*]} ${lean[*]}) : l'installation demande les droits root. Lancez « sudo apt-get install -y ${missing[*]} ${lean[*]} » puis relancez les tests." >&2
  exit 1
fi
echo "Installation de ${missing[*]} ${lean[*]} (Debian)…"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
if [ ${#missing[@]} -gt 0 ]; then apt-get install -y -qq "${missing[@]}" >/dev/null; fi
if [ ${#lean[@]} -gt 0 ]; then apt-get install -y -qq --no-install-recommends "${lean[@]}" >/dev/null; fi
