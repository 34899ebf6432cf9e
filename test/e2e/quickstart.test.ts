/**
 * The root Pulumi.yaml program (examples/quickstart) as `npm start` runs it: a local program through
 * pulumi-language-nodejs, against zilliz-local, with the emulator's state checked after each step.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator } from "../support/emulator";
import { localStack, repoRoot, type TestStack } from "../support/pulumi";

type Emulator = Awaited<ReturnType<typeof startTestEmulator>>;

async function emulatorState(emulator: Emulator): Promise<any> {
  const res = await fetch(`${emulator.url}/__emulator/state`);
  expect(res.status).toBe(200);
  return res.json();
}

describe("quickstart (root Pulumi.yaml) against zilliz-local", () => {
  let emulator: Emulator;
  let test: TestStack | undefined;
  beforeAll(async () => {
    emulator = await startTestEmulator();
  });
  afterAll(async () => {
    await test?.cleanup();
    await emulator?.close();
  });

  it("converges, stays converged, and tears down", async () => {
    test = await localStack({
      workDir: repoRoot,
      stackName: "e2e-quickstart",
      config: {
        "zilliz:cloudApiUrl": { value: emulator.url },
        "zilliz:apiKey": { value: emulator.apiKey, secret: true },
      },
    });
    const { stack } = test;

    const up = await stack.up();
    expect(up.summary.result).toBe("succeeded");
    expect(up.outputs.serverlessClusterId.value).toMatch(/^in05-[0-9a-f]{15}$/);
    expect(up.outputs.dedicatedClusterId.value).toMatch(/^in01-[0-9a-f]{15}$/);
    expect(up.outputs.endpoint.value).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(up.outputs.collection.value).toBe("docs");
    expect(up.outputs.importedRows.value).toBe(24);

    const state = JSON.stringify(await emulatorState(emulator));
    expect(state).toContain("quickstart-serverless");
    expect(state).toContain("quickstart-dedicated");

    // No perpetual diff: preview, refresh and a second up all find nothing to do.
    await stack.preview({ expectNoChanges: true });
    await stack.refresh({ expectNoChanges: true });
    const again = await stack.up();
    expect(Object.keys(again.summary.resourceChanges ?? {})).toEqual(["same"]);

    const destroy = await stack.destroy();
    expect(destroy.summary.result).toBe("succeeded");
    const after = (await emulatorState(emulator)) as any;
    const live = JSON.stringify(after).match(/"status":"RUNNING"/g) ?? [];
    expect(live).toEqual([]);
  });
});
