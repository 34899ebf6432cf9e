/**
 * Cluster through the real engine against zilliz-local: up → preview (no changes) → in-place change →
 * replacing change → refresh (no changes) → adoption of a cluster made outside the stack → preview
 * (no changes) → destroy. After each step the emulator is asked directly (its own REST API, not our
 * client) what exists. Then invalid inputs fail at preview, naming the property, with no API call.
 */
import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator } from "../support/emulator";
import { inlineStack, repoRoot, type TestStack } from "../support/pulumi";

type Emulator = Awaited<ReturnType<typeof startTestEmulator>>;
// The classes come from the built package, as a user's program loads them.
const zilliz = createRequire(`${repoRoot}/package.json`)("pulumi-zilliz");

interface LiveCluster {
  clusterId: string;
  clusterName: string;
  cuSize: number;
  cuType: string;
  status: string;
}

async function liveClusters(emulator: Emulator): Promise<LiveCluster[]> {
  const res = await fetch(`${emulator.url}/v2/clusters?pageSize=100`, {
    headers: { Authorization: `Bearer ${emulator.apiKey}` },
  });
  const body = (await res.json()) as { code: number; data: { clusters: LiveCluster[] } };
  expect(body.code).toBe(0);
  return body.data.clusters.filter((c) => c.status !== "DELETED" && c.status !== "DELETING");
}

describe("Cluster through the real engine", () => {
  let emulator: Emulator;
  let test: TestStack | undefined;
  // What the program declares; each step changes it and runs the engine again.
  let desired: Array<Record<string, unknown>> = [];

  beforeAll(async () => {
    emulator = await startTestEmulator();
    test = await inlineStack({
      projectName: "cluster-lifecycle",
      config: {
        "zilliz:cloudApiUrl": { value: emulator.url },
        "zilliz:apiKey": { value: emulator.apiKey, secret: true },
      },
      program: async () => {
        const outputs: Record<string, unknown> = {};
        for (const args of desired) {
          const { resourceName, ...rest } = args as { resourceName: string };
          const cluster = new zilliz.Cluster(resourceName, rest);
          outputs[resourceName] = cluster.clusterId;
        }
        return outputs;
      },
    });
  });
  afterAll(async () => {
    await test?.cleanup();
    await emulator?.close();
  });

  const main = { resourceName: "main", clusterName: "e2e-main", plan: "Enterprise", regionId: "aws-us-west-2" };

  it("creates, then finds nothing to change", async () => {
    desired = [{ ...main, cuType: "Performance-optimized", cuSize: 1, labels: { team: "search" } }];
    const up = await test!.stack.up();
    expect(up.summary.result).toBe("succeeded");
    const id = up.outputs.main.value as string;
    expect(id).toMatch(/^in01-[0-9a-f]{15}$/);
    expect(await liveClusters(emulator)).toMatchObject([{ clusterId: id, clusterName: "e2e-main", cuSize: 1, status: "RUNNING" }]);
    await test!.stack.preview({ expectNoChanges: true });
  });

  it("scales CU in place", async () => {
    const before = (await liveClusters(emulator))[0]!.clusterId;
    desired = [{ ...main, cuType: "Performance-optimized", cuSize: 2, labels: { team: "search" } }];
    const up = await test!.stack.up();
    expect(up.summary.resourceChanges).toMatchObject({ update: 1 });
    expect(await liveClusters(emulator)).toMatchObject([{ clusterId: before, cuSize: 2, status: "RUNNING" }]);
  });

  it("refuses a CU type change at preview without allowDataLoss, naming the property; nothing is touched", async () => {
    const before = await liveClusters(emulator);
    desired = [{ ...main, cuType: "Capacity-optimized", cuSize: 2, labels: { team: "search" } }];
    const err = await test!.stack.preview().then(() => undefined, (e: unknown) => e as Error);
    expect(err?.message).toMatch(/changing cuType \("Performance-optimized" → "Capacity-optimized"\) replaces the cluster/);
    expect(err?.message).toMatch(/allowDataLoss: true/);
    expect(await liveClusters(emulator)).toEqual(before);
  });

  it("replaces on a CU type change with allowDataLoss, and refresh then finds no drift", async () => {
    const before = (await liveClusters(emulator))[0]!.clusterId;
    desired = [{ ...main, cuType: "Capacity-optimized", cuSize: 2, labels: { team: "search" }, allowDataLoss: true }];
    const up = await test!.stack.up();
    expect(up.summary.resourceChanges).toMatchObject({ replace: 1 });
    const live = await liveClusters(emulator);
    expect(live).toHaveLength(1);
    expect(live[0]).toMatchObject({ clusterName: "e2e-main", cuType: "Capacity-optimized" });
    expect(live[0]!.clusterId).not.toBe(before);
    await test!.stack.refresh({ expectNoChanges: true });
  });

  it("adopts a cluster created outside the stack without creating a second one", async () => {
    const created = await fetch(`${emulator.url}/v2/clusters/createDedicated`, {
      method: "POST",
      headers: { Authorization: `Bearer ${emulator.apiKey}`, "Content-Type": "application/json" },
      body: JSON.stringify({
        clusterName: "e2e-adopted",
        projectId: (await (await fetch(`${emulator.url}/v2/projects`, { headers: { Authorization: `Bearer ${emulator.apiKey}` } })).json() as any).data[0].projectId,
        regionId: "aws-us-west-2",
        plan: "Enterprise",
        cuType: "Performance-optimized",
        cuSize: 1,
      }),
    });
    const outside = ((await created.json()) as { data: { clusterId: string } }).data.clusterId;
    desired = [
      { ...main, cuType: "Capacity-optimized", cuSize: 2, labels: { team: "search" }, allowDataLoss: true },
      { resourceName: "adopted", clusterName: "e2e-adopted", plan: "Enterprise", regionId: "aws-us-west-2", cuType: "Performance-optimized", cuSize: 1, adopt: true },
    ];
    const up = await test!.stack.up();
    expect(up.summary.resourceChanges).toMatchObject({ create: 1, same: 2 });
    expect(up.outputs.adopted.value).toBe(outside);
    expect((await liveClusters(emulator)).filter((c) => c.clusterName === "e2e-adopted")).toHaveLength(1);
    await test!.stack.preview({ expectNoChanges: true });
  });

  it("destroys every cluster it manages", async () => {
    const destroy = await test!.stack.destroy();
    expect(destroy.summary.result).toBe("succeeded");
    expect(await liveClusters(emulator)).toEqual([]);
  });

  it("rejects invalid inputs at preview, naming the property, before any API call", async () => {
    await emulator.control.clearCalls();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ...main, cuType: "Performance-optimized", cuSize: 0 }, "cuSize"],
      [{ ...main, plan: "Gold" }, "plan"],
      [{ ...main, clusterName: "bad name!" }, "clusterName"],
      [{ ...main, plan: "Serverless", desiredStatus: "SUSPENDED" }, "desiredStatus"],
    ];
    for (const [args, property] of cases) {
      desired = [args];
      const failure = await test!.stack.preview().then(
        () => undefined,
        (error: Error) => error,
      );
      expect(failure, `preview of ${JSON.stringify(args)} should fail`).toBeInstanceOf(Error);
      expect(String(failure!.message)).toContain(property);
    }
    const { calls } = await emulator.control.calls();
    expect(calls.filter((c) => !c.path.startsWith("/__emulator"))).toEqual([]);
  });
});
