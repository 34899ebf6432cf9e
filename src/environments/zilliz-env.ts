#!/usr/bin/env node
/** The `zilliz-env` bin: see `zilliz-env --help` and src/environments/README.md. */
import { main } from "./cli";

main(process.argv.slice(2), {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  env: process.env,
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
