/**
 * The client's rate limits against zilliz-local: with the emulator enforcing the documented control-plane
 * limit (20 requests/s per key and endpoint), the client's own per-endpoint buckets (18/s) keep a burst under
 * it (no 429 is ever answered); on the data plane, which has no client-side bucket, the quota limiter's
 * code 1807 and an HTTP 429 are backed off and retried until the call succeeds.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MilvusClient, ZillizClient } from "../../../src/client";
import { startTestEmulator, type TestEmulator } from "../../support/emulator";

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(async () => emu?.close());

describe("rate limits against zilliz-local", () => {
  let clusterId = "";
  let endpoint = "";

  it("control plane: a burst of 45 describes + 5 label reads stays under the server's 20/s per endpoint", async () => {
    const setup = new ZillizClient({ apiKey: emu.apiKey, baseUrl: emu.url, requestsPerSecond: 1000 });
    const project = (await setup.projects.list()).find((p) => p.projectName === "Default Project");
    const created = await setup.clusters.createDedicated({ clusterName: `rl-${Date.now()}`, projectId: project!.projectId, regionId: "gcp-us-west1", plan: "Enterprise", cuType: "Performance-optimized", cuSize: 1 });
    clusterId = created.clusterId;
    endpoint = (await setup.clusters.describe(clusterId)).connectAddress ?? "";

    await emu.control.setRateLimit({ enabled: true, requestsPerSecond: 20, burst: 20 });
    await emu.control.clearCalls();
    // Default options: 18/s per key and endpoint (90% of the documented 20/s), real clock, real sleep.
    const cp = new ZillizClient({ apiKey: emu.apiKey, baseUrl: emu.url });
    const started = Date.now();
    await Promise.all([
      ...Array.from({ length: 45 }, () => cp.clusters.describe(clusterId)),
      ...Array.from({ length: 5 }, () => cp.clusters.getLabels(clusterId)),
    ]);
    const elapsed = Date.now() - started;
    const calls = await emu.control.calls();
    // Every call was answered on the first attempt: no 429 was retried.
    expect(calls.total).toBe(50);
    // 18 at once, then 27 more at 18/s: at least ~1.5 s; labels had their own bucket and waited for nothing.
    expect(elapsed).toBeGreaterThanOrEqual(1400);
    await emu.control.setRateLimit({ enabled: false });
  });

  it("data plane: code 1807 (quota limiter) and HTTP 429 are retried with backoff until the call succeeds", async () => {
    const delays: number[] = [];
    const mv = new MilvusClient({ endpoint, token: emu.apiKey, sleep: async (ms) => void delays.push(ms), random: () => 0.5 });
    await mv.collections.create({ collectionName: "rl_docs", dimension: 4 });
    await emu.control.clearCalls();
    for (let i = 0; i < 4; i++) await emu.control.injectFault({ target: clusterId, path: "/v2/vectordb/collections/describe", kind: "code", code: 1807, message: "request is rejected by limiter" });
    await emu.control.injectFault({ target: clusterId, path: "/v2/vectordb/collections/describe", kind: "status", status: 429, retryAfterSeconds: 3 });
    const d = await mv.collections.describe({ collectionName: "rl_docs" });
    expect(d.collectionName).toBe("rl_docs");
    const calls = await emu.control.calls();
    expect(calls.total).toBe(6);
    // Backoff 0.5, 1, 2, 4 s for the 1807 answers (more than the 3 retries of other failures), then Retry-After: 3.
    expect(delays).toEqual([500, 1000, 2000, 4000, 3000]);
  });
});
