/**
 * A stack brought up with pulumi-zilliz 0.1.0 keeps working on the installed code (issue 8, "a versioned
 * state shape"). The fixture in fixtures/state-0.1.0 (see its README) is the stack export and the emulator
 * state file saved right after a 0.1.0 `up`. Here the emulator starts from that state, the stack is
 * imported, and the same program runs on today's build: preview shows no changes, refresh is clean, a
 * resize goes through, and destroy leaves nothing on the server (asked over raw REST).
 *
 * On the 0.1.0 code itself (the code this fixture was made with):
 * - "preview shows no changes" passes (same code as the fixture): it guards the upgrade.
 * - "refresh is clean" FAILS: refresh itself reports no change, but 0.1.0's read stores projectId and
 *   replica as inputs although the program leaves them unset (issue 8 defect 10).
 * - "up of a resize" passes on 0.1.0; the `stateVersion` assertion in it FAILS (0.1.0 stores none).
 * - "destroy" passes.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../support/emulator";
import { inlineStack, repoRoot, stateResources, type TestStack } from "../support/pulumi";
import { describeCluster, importSubmissions, liveClusters, rowCount } from "../support/zilliz-rest";

const zilliz = createRequire(`${repoRoot}/package.json`)("pulumi-zilliz");
const fixtureDir = path.join(__dirname, "fixtures", "state-0.1.0");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { fixtureProgram } = require(path.join(fixtureDir, "program.js")) as {
  fixtureProgram(z: unknown, o: { objectUrl: string; loaded?: boolean; cuSize?: number }): () => Promise<Record<string, unknown>>;
};
const meta = JSON.parse(readFileSync(path.join(fixtureDir, "fixture.json"), "utf8")) as {
  pulumiZillizVersion: string;
  projectName: string;
  stackName: string;
  objectUrl: string;
  clusterId: string;
  jobId: string;
  rows: number;
};

const ZILLIZ_TYPES = ["Cluster", "Collection", "CollectionIndex", "ImportJob"].map((k) => `pulumi-nodejs:dynamic/zilliz:${k}`);

describe(`a stack brought up with pulumi-zilliz ${meta.pulumiZillizVersion}, on the installed code`, () => {
  let emulator: TestEmulator;
  let test: TestStack | undefined;
  let scratch: string;
  let cuSize = 1;

  beforeAll(async () => {
    // The emulator saves into its state file: work on a copy so the fixture never changes.
    scratch = mkdtempSync(path.join(os.tmpdir(), "state-upgrade-"));
    const stateFile = path.join(scratch, "emulator-state.json");
    copyFileSync(path.join(fixtureDir, "emulator-state.json"), stateFile);
    emulator = await startTestEmulator({ stateFile, legacyPort: false });
    test = await inlineStack({
      projectName: meta.projectName,
      stackName: meta.stackName,
      program: async () => fixtureProgram(zilliz, { objectUrl: meta.objectUrl, loaded: true, cuSize })(),
      config: {
        "zilliz:cloudApiUrl": { value: emulator.url },
        "zilliz:apiKey": { value: emulator.apiKey, secret: true },
      },
    });
    // The default provider stored the stack config of its day, and refresh and destroy configure it from
    // the state. The fixture's emulator listened on another port: point the stored control-plane URL at
    // this one, as a real user's (the fixed Zilliz Cloud URL) never moves.
    const exported = JSON.parse(readFileSync(path.join(fixtureDir, "stack.json"), "utf8"));
    for (const r of exported.deployment.resources) {
      if (r.type !== "pulumi:providers:pulumi-nodejs") continue;
      for (const bag of [r.inputs, r.outputs]) if (bag && "zilliz:cloudApiUrl" in bag) bag["zilliz:cloudApiUrl"] = emulator.url;
    }
    await test.stack.importStack(exported);
  });
  afterAll(async () => {
    await test?.cleanup();
    await emulator?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  it("imports the 0.1.0 state as it was saved: four pulumi-zilliz resources, the cluster RUNNING on the emulator", async () => {
    const resources = await stateResources(test!.stack);
    expect(resources.filter((r) => ZILLIZ_TYPES.includes(r.type)).map((r) => r.type).sort()).toEqual([...ZILLIZ_TYPES].sort());
    // 0.1.0 stored no shape version: the upgrade must treat "absent" as the 0.1.0 shape.
    for (const r of resources.filter((x) => ZILLIZ_TYPES.includes(x.type))) expect(r.outputs.stateVersion).toBeUndefined();
    const cluster = await describeCluster(emulator, meta.clusterId);
    expect(cluster.status).toBe("RUNNING");
    expect(await rowCount(emulator, cluster.connectAddress, "docs")).toBe(meta.rows);
  });

  it("preview shows no changes", async () => {
    await emulator.control.clearCalls();
    const preview = await test!.stack.preview({ expectNoChanges: true });
    expect(preview.changeSummary).not.toHaveProperty("update");
    expect(preview.changeSummary).not.toHaveProperty("replace");
    expect(preview.changeSummary.same).toBeGreaterThanOrEqual(4);
    expect(importSubmissions(await emulator.control.calls())).toBe(0);
  });

  it("refresh is clean, and preview after it still shows no changes", async () => {
    const refresh = await test!.stack.refresh();
    expect(refresh.summary.resourceChanges).not.toHaveProperty("update");
    expect(refresh.summary.resourceChanges).not.toHaveProperty("delete");
    // Read returns the inputs as the program wrote them (it leaves projectId and replica unset).
    const cluster = (await stateResources(test!.stack)).find((r) => r.type === "pulumi-nodejs:dynamic/zilliz:Cluster")!;
    expect(cluster.inputs).not.toHaveProperty("projectId");
    expect(cluster.inputs).not.toHaveProperty("replica");
    await test!.stack.preview({ expectNoChanges: true });
  });

  it("an up of a small change (resize) updates the cluster only, never re-imports, and stores the new state shape", async () => {
    await emulator.control.clearCalls();
    cuSize = 2;
    const up = await test!.stack.up();
    expect(up.summary.result).toBe("succeeded");
    expect(up.summary.resourceChanges).toMatchObject({ update: 1 });
    expect(up.summary.resourceChanges).not.toHaveProperty("replace");
    expect(up.summary.resourceChanges).not.toHaveProperty("create");
    const cluster = await describeCluster(emulator, meta.clusterId);
    expect(cluster).toMatchObject({ status: "RUNNING", cuSize: 2 });
    expect(await rowCount(emulator, cluster.connectAddress, "docs")).toBe(meta.rows);
    expect(importSubmissions(await emulator.control.calls())).toBe(0);
    await test!.stack.preview({ expectNoChanges: true });
    // The upgraded code records its shape version on what it wrote (kernel-interface §13).
    const stored = (await stateResources(test!.stack)).find((r) => r.type === "pulumi-nodejs:dynamic/zilliz:Cluster")!;
    expect(stored.outputs.stateVersion).toBe(2);
  });

  it("destroy deletes everything and leaves nothing on the server", async () => {
    // The collection holds rows: destroying it needs the documented opt-in. A destroy configures the
    // provider from the state, not from the current stack config, so the config must reach the state
    // through an `up` first (a config set just before `pulumi destroy` is not seen by it).
    await test!.stack.setConfig("zilliz:allowDataLoss", { value: "true" });
    await test!.stack.up();
    const destroy = await test!.stack.destroy();
    expect(destroy.summary.result).toBe("succeeded");
    expect(await liveClusters(emulator)).toEqual([]);
    expect((await describeCluster(emulator, meta.clusterId)).status).toBe("DELETED");
    expect((await stateResources(test!.stack)).filter((r) => ZILLIZ_TYPES.includes(r.type))).toEqual([]);
  });
});
