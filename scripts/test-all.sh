#!/usr/bin/env bash
# The one test command (npm test): static checks, unit tests, then the app in real Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d node_modules ] || npm ci
bash scripts/ensure-system-deps.sh
echo "== Vérification des types"
npm run --silent typecheck
echo "== Lint (frontières d'import comprises)"
npm run --silent lint
mkdir -p test-results
echo "== Tests unitaires"
npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/unit.json
echo "== Tests de bout en bout (Chromium)"
npx vitest run --config vitest.e2e.config.ts --reporter=default --reporter=json --outputFile.json=test-results/e2e.json
node scripts/summarize-tests.mjs test-results/unit.json test-results/e2e.json
