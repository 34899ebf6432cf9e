/** Shared inputs of the issue-8 e2e tests (test/e2e/kernel-*.test.ts): a small schema and its rows. */
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { repoRoot } from "./pulumi";

/** The package as a user's program loads it (the built `dist/`). */
export const zilliz = createRequire(`${repoRoot}/package.json`)("pulumi-zilliz");
/** `@pulumi/pulumi` from the same place, so `interpolate` and `secret` build Outputs the program's SDK knows. */
export const pulumi = createRequire(`${repoRoot}/package.json`)("@pulumi/pulumi") as typeof import("@pulumi/pulumi");

/** id (Int64 primary key), title (VarChar 64), vec (FloatVector dim 4). */
export const DOCS_SCHEMA = {
  fields: [
    { name: "id", dataType: "Int64", isPrimary: true },
    { name: "title", dataType: "VarChar", maxLength: 64 },
    { name: "vec", dataType: "FloatVector", dim: 4 },
  ],
};

/** `file://` URL of 4 rows matching {@link DOCS_SCHEMA} (zilliz-local reads JSON row files). */
export const ROWS_URL = pathToFileURL(path.join(repoRoot, "test", "e2e", "fixtures", "kernel", "rows.json")).href;
/** How many rows {@link ROWS_URL} holds. */
export const ROWS = 4;

/** A Dedicated cluster's arguments (Enterprise, aws-us-west-2, 1 CU Performance-optimized). */
export function dedicated(clusterName: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { clusterName, plan: "Enterprise", regionId: "aws-us-west-2", cuType: "Performance-optimized", cuSize: 1, ...extra };
}

/** The stack config that points the provider at an emulator. */
export function emulatorConfig(emulator: { url: string; apiKey: string }) {
  return {
    "zilliz:cloudApiUrl": { value: emulator.url },
    "zilliz:apiKey": { value: emulator.apiKey, secret: true },
  };
}
