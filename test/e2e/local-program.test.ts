/**
 * Proof that local programs (a folder with Pulumi.yaml) run through the real language host,
 * pulumi-language-nodejs, as `pulumi up` in a user's project would.
 */
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { localStack, type TestStack } from "../support/pulumi";

const workDir = path.join(__dirname, "fixtures", "local-program");

describe("real engine, local program through pulumi-language-nodejs", () => {
  let test: TestStack | undefined;
  afterAll(async () => test?.cleanup());

  it("runs up → preview (no changes) → config change → up → destroy", async () => {
    test = await localStack({
      workDir,
      config: { message: { value: "hi" } },
      extraEnv: { NODE_PATH: path.join(__dirname, "fixtures", "echo", "modules") },
    });
    const { stack } = test;
    const up = await stack.up();
    expect(up.summary.result).toBe("succeeded");
    expect(up.outputs.shout.value).toBe("HI");
    // The program ran in a separate Node process started by the language host, not in this one.
    expect(up.stdout).toContain("pulumi-nodejs:dynamic/test:Echo");

    await stack.preview({ expectNoChanges: true });

    await stack.setConfig("message", { value: "again" });
    const second = await stack.up();
    expect(second.outputs.shout.value).toBe("AGAIN");
    expect(second.summary.resourceChanges?.update).toBe(1);

    const destroy = await stack.destroy();
    expect(destroy.summary.resourceChanges?.delete).toBe(2);
  });
});
