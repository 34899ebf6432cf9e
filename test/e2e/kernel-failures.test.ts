/**
 * Issue 8 through the real engine: what happens after a create or update fails or times out (defects 0
 * and 5). Cluster transitions are `manual` here, so a wait times out for sure and the test decides when the
 * cluster settles. Interface: /work/helper-notes/kernel-interface.md §6.
 *
 * On today's code (0.1.0) these fail:
 * - "defect 0, create timeout then destroy": the stored outputs have no `__provider`; destroy fails with
 *   `code must be a string, not undefined`, makes no API call, and the cluster stays.
 * - "defect 5, create timeout then up": the second `up` succeeds although the cluster is still CREATING
 *   (the partial state holds the desired inputs and the engine's follow-up update finds no diff).
 * - "defect 0, resize timeout then destroy": the same as after a timed-out create.
 * - "defect 5 (guard), converge": after the second up "succeeded" on a CREATING cluster, the state says
 *   CREATING and the third up finds no diff, so the stack keeps reporting CREATING for a RUNNING cluster.
 *   (Run alone after a failed create, 0.1.0 converges: this test mainly guards that the fix still does.)
 * - "defect 5, a collection property never applied": the second `up` succeeds without the TTL on the server.
 * - "defect 5, an import that ended Failed": the second `up` succeeds.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../support/emulator";
import { failureOf } from "../support/engine-steps";
import { dedicated, DOCS_SCHEMA, emulatorConfig, pulumi, zilliz } from "../support/kernel-fixtures";
import { inlineStack, stateResources, type TestStack } from "../support/pulumi";
import { countCalls, dataPlane, describeCluster, liveClusters } from "../support/zilliz-rest";

const CLUSTER_TYPE = "pulumi-nodejs:dynamic/zilliz:Cluster";

/** Polls `condition` until true; gives up (false) after `ms` or as soon as `stop()` says so. */
async function eventually(condition: () => Promise<boolean>, ms: number, stop: () => boolean = () => false): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until && !stop()) {
    if (await condition()) return true;
    await new Promise((r) => setTimeout(r, 150));
  }
  return false;
}

/**
 * Destroys while the cluster is DELETING in manual mode: advances it only once the provider has dropped it,
 * then proves destroy had not returned before that (it waited) and that nothing is left.
 */
async function destroyAndProveItWaited(emulator: TestEmulator, test: TestStack, clusterId: string): Promise<void> {
  let settled = false;
  const destroying = test.stack.destroy().finally(() => {
    settled = true;
  });
  const deleting = await eventually(async () => (await describeCluster(emulator, clusterId)).status === "DELETING", 120_000, () => settled);
  if (!deleting) {
    await destroying; // surfaces the engine's error when destroy failed without dropping the cluster
    throw new Error("destroy ended without ever dropping the cluster");
  }
  // Still waiting for the deletion to finish.
  await new Promise((r) => setTimeout(r, 500));
  expect(settled, "destroy returned while the cluster was still DELETING").toBe(false);
  await emulator.control.advance("cluster", clusterId);
  const result = await destroying;
  expect(result.summary.result).toBe("succeeded");
  expect((await describeCluster(emulator, clusterId)).status).toBe("DELETED");
  expect(await liveClusters(emulator)).toEqual([]);
  expect((await stateResources(test.stack)).filter((r) => r.type === CLUSTER_TYPE)).toEqual([]);
}

describe("a cluster create that times out, then destroy", () => {
  let emulator: TestEmulator;
  let test: TestStack | undefined;

  beforeAll(async () => {
    emulator = await startTestEmulator({ legacyPort: false, transitions: { kind: "manual" } });
    test = await inlineStack({
      projectName: "kernel-create-timeout",
      config: emulatorConfig(emulator),
      program: async () => {
        const c = new zilliz.Cluster("slow", dedicated("create-timeout", { waitTimeoutSeconds: 2 }));
        return { status: c.status };
      },
    });
  });
  afterAll(async () => {
    await test?.cleanup();
    await emulator?.close();
  });

  it("defect 0: destroy right after the timed-out create deletes the cluster and waits until it is gone", async () => {
    const first = await failureOf(test!.stack.up(), "the up whose create times out");
    expect(first.message).toMatch(/timed out|deadline|timeout/i);
    const created = await liveClusters(emulator);
    expect(created).toHaveLength(1);
    expect(created[0]!.status).toBe("CREATING");
    // The state keeps the cluster, with what delete needs to load the provider.
    const stored = (await stateResources(test!.stack)).find((r) => r.type === CLUSTER_TYPE);
    expect(stored?.id).toBe(created[0]!.clusterId);
    expect(typeof stored?.outputs.__provider).toBe("string");
    await destroyAndProveItWaited(emulator, test!, created[0]!.clusterId);
  });
});

describe("a create that times out: the next up waits again; then converges; then a resize times out and destroy", () => {
  let emulator: TestEmulator;
  let test: TestStack | undefined;
  let cuSize = 1;
  let clusterId = "";

  beforeAll(async () => {
    emulator = await startTestEmulator({ legacyPort: false, transitions: { kind: "manual" } });
    test = await inlineStack({
      projectName: "kernel-resize-timeout",
      config: emulatorConfig(emulator),
      program: async () => {
        const c = new zilliz.Cluster("slow", dedicated("resize-timeout", { cuSize, waitTimeoutSeconds: 2 }));
        return { status: c.status, cuSize: c.cuSize };
      },
    });
  });
  afterAll(async () => {
    await test?.cleanup();
    await emulator?.close();
  });

  it("defect 5: the next up waits again and fails while the cluster is still CREATING", async () => {
    await failureOf(test!.stack.up(), "the first up (create times out)");
    const created = await liveClusters(emulator);
    expect(created).toHaveLength(1);
    clusterId = created[0]!.clusterId;
    await emulator.control.clearCalls();
    const second = await failureOf(test!.stack.up(), "an up while the cluster is still CREATING");
    expect(second.message).toMatch(/CREATING|timed out|deadline|timeout/i);
    // It looked again (it waited), and never created a second cluster.
    const calls = await emulator.control.calls();
    expect(countCalls(calls, (c) => c.method === "GET" && c.path === `/v2/clusters/${clusterId}`)).toBeGreaterThan(0);
    expect(countCalls(calls, (c) => c.method === "POST" && /\/clusters\/create/.test(c.path))).toBe(0);
    expect(await liveClusters(emulator)).toHaveLength(1);
    expect((await describeCluster(emulator, clusterId)).status).toBe("CREATING");
  });

  it("defect 5 (guard): once the cluster is RUNNING, the next up converges and records RUNNING", async () => {
    expect(clusterId).not.toBe("");
    await emulator.control.advance("cluster", clusterId);
    const up = await test!.stack.up();
    expect(up.summary.result).toBe("succeeded");
    expect(up.outputs.status.value).toBe("RUNNING");
    await test!.stack.preview({ expectNoChanges: true });
  });

  it("defect 0: destroy right after a timed-out resize deletes the cluster and waits until it is gone", async () => {
    expect(clusterId).not.toBe("");
    cuSize = 2;
    await failureOf(test!.stack.up(), "the resize (times out)");
    expect((await describeCluster(emulator, clusterId)).status).toBe("MODIFYING");
    const stored = (await stateResources(test!.stack)).find((r) => r.type === CLUSTER_TYPE);
    expect(typeof stored?.outputs.__provider).toBe("string");
    await destroyAndProveItWaited(emulator, test!, clusterId);
  });
});

describe("data-plane work that failed is never reported as done", () => {
  let emulator: TestEmulator;
  let test: TestStack | undefined;
  let withDocs = false;
  let withImport = false;
  let ttl = "3600";
  let clusterId = "";
  let connectAddress = "";

  beforeAll(async () => {
    emulator = await startTestEmulator({ legacyPort: false });
    test = await inlineStack({
      projectName: "kernel-data-failures",
      config: emulatorConfig(emulator),
      program: async () => {
        const c = new zilliz.Cluster("search", dedicated("data-failures"));
        const target = { endpoint: c.connectAddress, token: pulumi.interpolate`${c.username}:${c.password}` };
        if (withDocs) {
          const docs = new zilliz.Collection("docs", { ...target, collectionName: "docs", schema: DOCS_SCHEMA, properties: { "collection.ttl.seconds": ttl } });
          if (withImport) {
            // A file that does not exist: the job is accepted, then ends Failed.
            new zilliz.ImportJob("broken", { clusterId: c.clusterId, collectionName: docs.collectionName, objectUrls: ["file:///nonexistent/kernel-rows.json"] });
          }
        }
        return { clusterId: c.clusterId, connectAddress: c.connectAddress };
      },
    });
    // The cluster first, so that the data-plane fault below can name it.
    const up = await test.stack.up();
    clusterId = up.outputs.clusterId.value;
    connectAddress = up.outputs.connectAddress.value;
  });
  afterAll(async () => {
    await test?.stack.setConfig("zilliz:allowDataLoss", { value: "true" }).catch(() => undefined);
    await test?.stack.destroy().catch(() => undefined);
    await test?.cleanup();
    await emulator?.close();
  });

  it("defect 5: a collection property that was never applied fails every up until it is applied", async () => {
    const ttlOnServer = async (value: string) => {
      const described = await dataPlane(emulator, connectAddress, "collections/describe", { collectionName: "docs" });
      expect(described.code).toBe(0);
      return ((described.data.properties ?? []) as Array<{ key: string; value: string }>).some((p) => p.key === "collection.ttl.seconds" && p.value === value);
    };
    /** Fails every up while alter_properties is refused, then converges once it is accepted. */
    const failsUntilApplied = async (value: string) => {
      expect(await ttlOnServer(value)).toBe(false);
      const again = await failureOf(test!.stack.up(), "an up while the property still cannot be applied");
      expect(again.message).toMatch(/properties refused|collection\.ttl\.seconds/);
      expect(await ttlOnServer(value)).toBe(false);
      await emulator.control.clearFaults();
      const converged = await test!.stack.up();
      expect(converged.summary.result).toBe("succeeded");
      expect(await ttlOnServer(value)).toBe(true);
      await test!.stack.preview({ expectNoChanges: true });
    };
    const refuseProperties = () =>
      emulator.control.injectFault({
        target: clusterId,
        path: "/v2/vectordb/collections/alter_properties",
        kind: "code",
        code: 65535,
        message: "injected: properties refused",
        times: 1000,
      });

    // At create: the collection gets created, setting its properties is refused (0.1.0 sets them with
    // alter_properties right after the create).
    await refuseProperties();
    withDocs = true;
    const created = await test!.stack.up().then(
      () => undefined,
      (e: Error) => e,
    );
    if (created) {
      await failsUntilApplied("3600");
    } else {
      // The properties went with the create call itself: nothing was left unfinished there.
      expect(await ttlOnServer("3600")).toBe(true);
      await emulator.control.clearFaults();
    }

    // At update: the same for a changed property.
    await refuseProperties();
    ttl = "7200";
    await failureOf(test!.stack.up(), "the up whose property change is refused");
    await failsUntilApplied("7200");
  });

  it("defect 5: an import that ended Failed fails every later up, never reports success", async () => {
    withDocs = true;
    withImport = true;
    const first = await failureOf(test!.stack.up(), "an import of a missing file");
    expect(first.message).toMatch(/does not exist|fail/i);
    const stored = (await stateResources(test!.stack)).find((r) => r.type === "pulumi-nodejs:dynamic/zilliz:ImportJob");
    expect(stored?.outputs.state).toBe("Failed");
    await failureOf(test!.stack.up(), "the up after the import failed");
    await failureOf(test!.stack.up(), "one more up");
  });
});
