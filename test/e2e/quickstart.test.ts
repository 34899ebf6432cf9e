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
    expect([up.outputs.alias.value, up.outputs.readerRole.value, up.outputs.readerUser.value]).toEqual(["docs_live", "docs_read_only", "docs_reader"]);

    // Every resource of the program is created once (the stack itself counts as one).
    expect(up.summary.resourceChanges).toEqual({ create: 9 });
    // The read-only user signs in with its password: it may describe the collection, not drop it.
    const asReader = async (action: string) => {
      const res = await fetch(`${up.outputs.endpoint.value}/v2/vectordb/${action}`, {
        method: "POST",
        headers: { Authorization: "Bearer docs_reader:Reader-Passw0rd", "Content-Type": "application/json" },
        body: JSON.stringify({ collectionName: "docs" }),
      });
      return { status: res.status, body: (await res.json()) as { code: number; data?: any } };
    };
    const described = await asReader("collections/describe");
    expect(described.body.code).toBe(0);
    expect(described.body.data.aliases).toEqual(["docs_live"]);
    expect((await asReader("collections/drop")).status).toBe(403);

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
