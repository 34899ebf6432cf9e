#!/usr/bin/env node
/** The `zilliz-env` bin: see `zilliz-env --help` and src/environments/README.md. */
import { main } from "./cli";

// A CI timeout or Ctrl-C: cancel the engines cleanly (state saved, lock released) instead of dying mid-step.
const cancel = new AbortController();
for (const sig of ["SIGINT", "SIGTERM"] as const) {
  process.on(sig, () => {
    if (!cancel.signal.aborted) process.stderr.write(`zilliz-env: ${sig}: cancelling (the engines finish the steps under way)\n`);
    cancel.abort();
  });
}

main(process.argv.slice(2), {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  env: process.env,
  signal: cancel.signal,
}).then(
  (code) => {
    // Let stdout drain before leaving: a pipeline redirecting the Markdown must get all of it.
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`zilliz-env: ${(e as Error).stack ?? String(e)}\n`);
    process.exitCode = 1;
  },
);
