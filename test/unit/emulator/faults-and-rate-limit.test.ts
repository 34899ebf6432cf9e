import { afterEach, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../../support/emulator";
import { request } from "./http";
import { stubDataPlaneFactory } from "./stub-data-plane";

let emulator: TestEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

async function start(): Promise<TestEmulator> {
  emulator = await startTestEmulator({ legacyPort: false, createDataPlane: stubDataPlaneFactory().factory });
  return emulator;
}

describe("fault injection", () => {
  it("answers 429 with Retry-After on the next N matching calls, then serves normally", async () => {
    const e = await start();
    await e.control.injectFault({ method: "GET", path: "/v2/clusters", kind: "status", status: 429, retryAfterSeconds: 3, times: 2 });
    for (let i = 0; i < 2; i++) {
      const reply = await request(e.url, "GET", "/v2/clusters", { key: e.apiKey });
      expect(reply.status).toBe(429);
      expect(reply.headers.get("retry-after")).toBe("3");
    }
    expect((await request(e.url, "GET", "/v2/clusters", { key: e.apiKey })).status).toBe(200);
  });

  it("matches by glob and method only", async () => {
    const e = await start();
    await e.control.injectFault({ method: "POST", path: "/v2/clusters/*", kind: "status", status: 503 });
    expect((await request(e.url, "GET", "/v2/clusters", { key: e.apiKey })).status).toBe(200);
    const reply = await request(e.url, "POST", "/v2/clusters/createFree", { key: e.apiKey, body: {} });
    expect(reply.status).toBe(503);
  });

  it("puts an error code in a 200 body", async () => {
    const e = await start();
    await e.control.injectFault({ path: "/v2/clouds", kind: "code", code: 65535, message: "boom" });
    const reply = await request(e.url, "GET", "/v2/clouds", { key: e.apiKey });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ code: 65535, message: "boom" });
  });

  it("adds latency", async () => {
    const e = await start();
    await e.control.injectFault({ path: "/v2/clouds", kind: "latency", latencyMs: 300 });
    const started = Date.now();
    const reply = await request(e.url, "GET", "/v2/clouds", { key: e.apiKey });
    expect(reply.body.code).toBe(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
  });

  it("drops the connection mid-response", async () => {
    const e = await start();
    await e.control.injectFault({ path: "/v2/clouds", kind: "drop" });
    await expect(request(e.url, "GET", "/v2/clouds", { key: e.apiKey })).rejects.toThrow();
    expect((await request(e.url, "GET", "/v2/clouds", { key: e.apiKey })).status).toBe(200);
  });

  it("targets one cluster's data plane", async () => {
    const e = await start();
    const project = (await request(e.url, "GET", "/v2/projects", { key: e.apiKey })).body.data[0].projectId;
    const created = await request(e.url, "POST", "/v2/clusters/createServerless", {
      key: e.apiKey,
      body: { clusterName: "s1", projectId: project, regionId: "gcp-us-west1" },
    });
    const id = created.body.data.clusterId;
    const address = (await request(e.url, "GET", `/v2/clusters/${id}`, { key: e.apiKey })).body.data.connectAddress;
    await e.control.injectFault({ target: id, path: "/v2/vectordb/*", kind: "status", status: 500 });
    expect((await request(e.url, "GET", "/v2/clouds", { key: e.apiKey })).status).toBe(200);
    expect((await request(address, "POST", "/v2/vectordb/collections/list", { key: e.apiKey, body: {} })).status).toBe(500);
    expect((await request(address, "POST", "/v2/vectordb/collections/list", { key: e.apiKey, body: {} })).status).toBe(200);
  });

  it("rejects a malformed fault with HTTP 400", async () => {
    const e = await start();
    const reply = await request(e.url, "POST", "/__emulator/faults", { body: { path: "/x", kind: "explode" } });
    expect(reply.status).toBe(400);
  });
});

describe("rate limit", () => {
  it("allows the burst per key and endpoint, then answers 429 with Retry-After", async () => {
    const e = await start();
    await e.control.setRateLimit({ enabled: true, requestsPerSecond: 2, burst: 3 });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await request(e.url, "GET", "/v2/clouds", { key: e.apiKey })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await request(e.url, "GET", "/v2/clouds", { key: e.apiKey });
    expect(limited.body).toEqual({ code: 429, message: "rate limit exceeded" });
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    // Another endpoint has its own bucket.
    expect((await request(e.url, "GET", "/v2/regions", { key: e.apiKey })).status).toBe(200);
    await e.control.setRateLimit({ enabled: false });
    expect((await request(e.url, "GET", "/v2/clouds", { key: e.apiKey })).status).toBe(200);
  });
});

describe("control endpoints", () => {
  it("counts API calls per method and path, and not control calls", async () => {
    const e = await start();
    await request(e.url, "GET", "/v2/clouds", { key: e.apiKey });
    await request(e.url, "GET", "/v2/clouds", { key: e.apiKey });
    await request(e.url, "GET", "/nope", { key: e.apiKey });
    const calls = await e.control.calls();
    expect(calls.total).toBe(3);
    expect(calls.counts).toEqual({ "GET /v2/clouds": 2, "GET /nope": 1 });
    await e.control.clearCalls();
    expect((await e.control.calls()).total).toBe(0);
  });

  it("reset forgets clusters and gives a fresh Default Project", async () => {
    const e = await start();
    const before = (await request(e.url, "GET", "/v2/projects", { key: e.apiKey })).body.data;
    await request(e.url, "POST", "/v2/clusters/createServerless", {
      key: e.apiKey,
      body: { clusterName: "s1", projectId: before[0].projectId, regionId: "gcp-us-west1" },
    });
    await e.control.reset();
    const after = (await request(e.url, "GET", "/v2/projects", { key: e.apiKey })).body.data;
    expect(after).toHaveLength(1);
    expect(after[0].projectName).toBe("Default Project");
    expect((await request(e.url, "GET", "/v2/clusters", { key: e.apiKey })).body.data.count).toBe(0);
  });

  it("sets transition modes over HTTP, rejects bad ones, and dumps the state", async () => {
    const e = await start();
    await e.control.setTransition("cluster", "time:250");
    const modes = (await request(e.url, "GET", "/__emulator/transitions")).body.data;
    expect(modes).toEqual({ cluster: "time:250", load: "immediate", index: "immediate", import: "immediate" });
    const bad = await request(e.url, "POST", "/__emulator/transitions", { body: { kind: "cluster", mode: "slow" } });
    expect(bad.status).toBe(400);
    const state = (await e.control.state()) as { controlPlane: { projects: unknown[] } };
    expect(state.controlPlane.projects).toHaveLength(1);
    expect((await request(e.url, "GET", "/__emulator/unknown")).text).toBe("404 page not found");
  });

  it("advances a manual cluster transition through the support wrapper, for one id only", async () => {
    const e = await start();
    await e.control.setTransition("cluster", "manual");
    const project = (await request(e.url, "GET", "/v2/projects", { key: e.apiKey })).body.data[0].projectId;
    const create = async (name: string) =>
      (await request(e.url, "POST", "/v2/clusters/createServerless", { key: e.apiKey, body: { clusterName: name, projectId: project, regionId: "gcp-us-west1" } }))
        .body.data.clusterId as string;
    const a = await create("a");
    const b = await create("b");
    await e.control.advance("cluster", a);
    const status = async (id: string) => (await request(e.url, "GET", `/v2/clusters/${id}`, { key: e.apiKey })).body.data.status;
    expect(await status(a)).toBe("RUNNING");
    expect(await status(b)).toBe("CREATING");
    await e.control.advance();
    expect(await status(b)).toBe("RUNNING");
  });
});

describe("probabilistic faults", () => {
  it("fire on about the given share of matching calls, the same calls for the same seed, on any target with *", async () => {
    const e = await start();
    const run = async () => {
      await e.control.clearFaults();
      await e.control.injectFault({ target: "*", path: "/v2/clouds", kind: "status", status: 503, probability: 0.25, seed: 42 });
      const statuses: number[] = [];
      for (let i = 0; i < 200; i++) statuses.push((await request(e.url, "GET", "/v2/clouds", { key: e.apiKey })).status);
      return statuses;
    };
    const first = await run();
    const failed = first.filter((s) => s === 503).length;
    const listed = (await (await fetch(`${e.url}/__emulator/faults`)).json()) as { data: Array<{ fired: number }> };
    expect(listed.data.map((f) => f.fired)).toEqual([failed]);
    expect(failed).toBeGreaterThan(30);
    expect(failed).toBeLessThan(70);
    expect(first.filter((s) => s !== 503 && s !== 200)).toEqual([]);
    expect(await run()).toEqual(first);
  });

  it("a spared call goes to the next matching fault; times caps how often it fires; bad values are refused", async () => {
    const e = await start();
    await e.control.injectFault({ path: "/v2/clouds", kind: "status", status: 500, probability: 0.5, times: 3, seed: 7 });
    await e.control.injectFault({ path: "/v2/clouds", kind: "status", status: 429, probability: 1 });
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) statuses.push((await request(e.url, "GET", "/v2/clouds", { key: e.apiKey })).status);
    expect(statuses.filter((s) => s === 500)).toHaveLength(3);
    expect(statuses.filter((s) => s === 429)).toHaveLength(37);
    await expect(e.control.injectFault({ path: "*", kind: "status", status: 500, probability: 1.5 })).rejects.toThrow(/probability/);
    await expect(e.control.injectFault({ path: "*", kind: "status", status: 500, probability: 0.1, seed: 1.5 })).rejects.toThrow(/seed/);
  });
});
