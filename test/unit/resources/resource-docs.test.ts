import { execFileSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../../..");

describe("docs/resources.md", () => {
  // The argument and output tables are generated from the specs (TSDoc and change kinds); `npm test` builds
  // dist first, which the generator reads. A spec edited without regenerating the docs fails here.
  // The generator builds a TypeScript program of the specs: allow it time on a busy machine.
  it("matches the resource specs", { timeout: 120_000 }, () => {
    let failure = "";
    try {
      execFileSync(process.execPath, [path.join(root, "scripts/resource-docs.js"), "--check"], { cwd: root, stdio: "pipe" });
    } catch (e) {
      failure = String((e as { stderr?: Buffer }).stderr ?? e);
    }
    expect(failure).toBe("");
  });
});
