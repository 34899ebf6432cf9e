#!/usr/bin/env bash
# `npm test`: installs everything the tests need (npm deps, the Pulumi CLI, the real Milvus), builds,
# then runs the three tiers in order: unit, integration (emulator and real Milvus), e2e (real engine).
# Ends with one line "N passed, N failed" (", N skipped" when any were skipped).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
start=$(date +%s)
bash scripts/ensure-deps.sh
bash scripts/ensure-pulumi.sh >/dev/null
bash scripts/ensure-milvus.sh >/dev/null
bash scripts/ensure-moto.sh >/dev/null
# Type errors in tests fail the run too (vitest itself only strips types).
npx tsc -p tsconfig.test.json --noEmit
npx tsc -p bench/tsconfig.json --noEmit
echo "[test] setup took $(( $(date +%s) - start ))s" >&2

results=.pulumi-local/test-results
rm -rf "$results"; mkdir -p "$results"
status=0
for tier in unit integration e2e; do
  echo "[test] tier: $tier" >&2
  extra=()
  # e2e files share nothing and mostly wait on the engine: two at a time (vitest's default on 2 cores is one).
  [ "$tier" = e2e ] && extra=(--maxWorkers=2 --minWorkers=1)
  npx vitest run --project "$tier" "${extra[@]}" --reporter=default --reporter=json \
    --outputFile.json="$results/$tier.json" "$@" || status=1
done

node -e '
  const fs = require("node:fs");
  let passed = 0, failed = 0, skipped = 0, files = 0;
  for (const tier of ["unit", "integration", "e2e"]) {
    const file = `${process.argv[1]}/${tier}.json`;
    if (!fs.existsSync(file)) { console.error(`[test] ${tier}: no results (the run crashed)`); failed += 1; continue; }
    const r = JSON.parse(fs.readFileSync(file, "utf8"));
    passed += r.numPassedTests;
    // A file that fails to load has no failed tests of its own; count it once.
    failed += r.numFailedTests || (r.numFailedTestSuites || 0);
    skipped += (r.numPendingTests || 0) + (r.numTodoTests || 0); files += r.numTotalTestSuites || 0;
    console.error(`[test] ${tier}: ${r.numPassedTests} passed, ${r.numFailedTests} failed`);
  }
  if (passed === 0) { console.error("[test] no test ran"); failed += 1; }
  console.log(`${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ""));
  if (failed > 0 || skipped > 0) process.exitCode = 1;
' "$results" || status=1
echo "[test] total $(( $(date +%s) - start ))s" >&2
exit $status
