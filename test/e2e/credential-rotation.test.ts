/**
 * A rotated API key through the real engine. `pulumi refresh` and `pulumi destroy` configure the provider with
 * the stack config stored at the last `up`, so after `pulumi config set --secret zilliz:apiKey NEW` they still
 * send the old key: refused, they fail naming `--run-program` and ZILLIZ_API_KEY; `refresh --run-program`
 * works; ZILLIZ_API_KEY in the command's environment works for refresh and destroy (docs/recovery.md).
 */
import { createRequire } from "node:module";
import type { LocalWorkspace } from "@pulumi/pulumi/automation";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../support/emulator";
import { inlineStack, repoRoot, type TestStack } from "../support/pulumi";

const zilliz = createRequire(`${repoRoot}/package.json`)("pulumi-zilliz");

/** The error text of a failed engine command (the Automation API puts the engine's output in the message). */
async function failure(p: Promise<unknown>): Promise<string> {
  const outcome = await p.then(
    () => "unexpected success",
    (e: unknown) => (e instanceof Error ? e.message : String(e)),
  );
  expect(outcome).not.toBe("unexpected success");
  return outcome;
}

describe("credential rotation (refresh and destroy after zilliz:apiKey changed)", () => {
  let emu: TestEmulator;
  let test: TestStack | undefined;
  const keyA = "rotation-key-A-0001";
  const keyB = "rotation-key-B-0002";
  const keyC = "rotation-key-C-0003";

  beforeAll(async () => {
    emu = await startTestEmulator({ apiKey: keyA });
    test = await inlineStack({
      projectName: "credential-rotation",
      program: async () => {
        const cluster = new zilliz.Cluster("cluster", { clusterName: "rotation", plan: "Serverless", regionId: "gcp-us-west1" });
        const docs = new zilliz.Collection("docs", {
          clusterId: cluster.id,
          collectionName: "docs",
          schema: { fields: [{ name: "id", dataType: "Int64", isPrimary: true }, { name: "vec", dataType: "FloatVector", dim: 4 }] },
        });
        return { clusterId: cluster.id, collection: docs.id };
      },
      config: { "zilliz:cloudApiUrl": { value: emu.url }, "zilliz:apiKey": { value: keyA, secret: true } },
    });
  });
  afterAll(async () => {
    await test?.cleanup();
    await emu?.close();
  });

  it("up with key A; after A is revoked and zilliz:apiKey set to B, refresh fails clearly, refresh --run-program works", async () => {
    const { stack } = test!;
    expect((await stack.up()).summary.result).toBe("succeeded");
    await emu.control.rotateApiKey(keyB);
    await stack.setConfig("zilliz:apiKey", { value: keyB, secret: true });

    const message = await failure(stack.refresh());
    expect(message).toMatch(/API key was refused/);
    expect(message).toMatch(/pulumi refresh --run-program/);
    expect(message).toMatch(/ZILLIZ_API_KEY/);
    expect(message).not.toContain(keyA);
    expect(message).not.toContain(keyB);

    const refreshed = await stack.refresh({ runProgram: true, expectNoChanges: true });
    expect(refreshed.summary.result).toBe("succeeded");
  });

  it("ZILLIZ_API_KEY in the environment replaces a refused stored key for refresh and destroy", async () => {
    const { stack } = test!;
    // Rotate again: whatever key the stack stored is now refused; only the environment has the new one.
    await emu.control.rotateApiKey(keyC);
    const workspace = stack.workspace as LocalWorkspace;
    expect(await failure(stack.destroy())).toMatch(/pulumi destroy --run-program/);
    workspace.envVars.ZILLIZ_API_KEY = keyC;
    try {
      expect((await stack.refresh({ expectNoChanges: true })).summary.result).toBe("succeeded");
      expect((await stack.destroy()).summary.result).toBe("succeeded");
    } finally {
      delete workspace.envVars.ZILLIZ_API_KEY;
    }
    const state = JSON.stringify(await emu.control.state());
    expect(state).not.toMatch(/"status":"RUNNING"/);
    expect((await stack.exportStack()).deployment.resources ?? []).toHaveLength(0);
  });
});
