import { afterEach, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../../support/emulator";
import { request } from "./http";

let emulator: TestEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

async function start(): Promise<{ e: TestEmulator; projectId: string }> {
  emulator = await startTestEmulator({ legacyPort: false });
  const projectId = (await request(emulator.url, "GET", "/v2/projects", { key: emulator.apiKey })).body.data[0].projectId as string;
  return { e: emulator, projectId };
}

async function clusterNames(e: TestEmulator): Promise<string[]> {
  const clusters = (await request(e.url, "GET", "/v2/clusters", { key: e.apiKey })).body.data.clusters as Array<{ clusterName: string }>;
  return clusters.map((c) => c.clusterName);
}

describe("the lose-answer fault (served, then the answer is lost)", () => {
  it("reset (default): the client sees a failed connection, yet the cluster was created", async () => {
    const { e, projectId } = await start();
    await e.control.injectFault({ method: "POST", path: "/v2/clusters/createServerless", kind: "lose-answer" });
    const body = { clusterName: "lost-1", projectId, regionId: "gcp-us-west1" };
    await expect(request(e.url, "POST", "/v2/clusters/createServerless", { key: e.apiKey, body })).rejects.toThrow();
    expect(await clusterNames(e)).toEqual(["lost-1"]);
    // The fault was used up: the next call answers normally.
    expect((await request(e.url, "GET", "/v2/clusters", { key: e.apiKey })).status).toBe(200);
  });

  it("500: the client sees HTTP 500, yet the cluster was created", async () => {
    const { e, projectId } = await start();
    await e.control.injectFault({ path: "/v2/clusters/createServerless", kind: "lose-answer", mode: "500" });
    const body = { clusterName: "lost-2", projectId, regionId: "gcp-us-west1" };
    const reply = await request(e.url, "POST", "/v2/clusters/createServerless", { key: e.apiKey, body });
    expect(reply.status).toBe(500);
    expect(reply.body.code).toBe(500);
    expect(await clusterNames(e)).toEqual(["lost-2"]);
  });

  it("timeout: no answer until the client gives up, yet the cluster was created", async () => {
    const { e, projectId } = await start();
    await e.control.injectFault({ path: "/v2/clusters/createServerless", kind: "lose-answer", mode: "timeout" });
    const started = Date.now();
    const res = fetch(`${e.url}/v2/clusters/createServerless`, {
      method: "POST",
      headers: { authorization: `Bearer ${e.apiKey}`, "content-type": "application/json" },
      body: JSON.stringify({ clusterName: "lost-3", projectId, regionId: "gcp-us-west1" }),
      signal: AbortSignal.timeout(400),
    });
    await expect(res).rejects.toThrow(/abort|timeout/i);
    expect(Date.now() - started).toBeGreaterThanOrEqual(380);
    expect(await clusterNames(e)).toEqual(["lost-3"]);
  });

  it("works on a cluster's data plane: the collection exists although the create failed", async () => {
    const { e, projectId } = await start();
    const created = await request(e.url, "POST", "/v2/clusters/createServerless", {
      key: e.apiKey,
      body: { clusterName: "dp", projectId, regionId: "gcp-us-west1" },
    });
    const clusterId = created.body.data.clusterId as string;
    const address = (await request(e.url, "GET", `/v2/clusters/${clusterId}`, { key: e.apiKey })).body.data.connectAddress as string;
    await e.control.injectFault({ target: clusterId, method: "POST", path: "/v2/vectordb/collections/create", kind: "lose-answer" });
    const create = { collectionName: "c1", dimension: 4 };
    await expect(request(address, "POST", "/v2/vectordb/collections/create", { key: e.apiKey, body: create })).rejects.toThrow();
    const listed = await request(address, "POST", "/v2/vectordb/collections/list", { key: e.apiKey, body: {} });
    expect(listed.body).toEqual({ code: 0, data: ["c1"] });
    // A second create now meets the first one: proof that a blind re-send is not harmless.
    const again = await request(address, "POST", "/v2/vectordb/collections/create", { key: e.apiKey, body: { ...create, dimension: 8 } });
    expect(again.body.code).not.toBe(0);
  });

  it("rejects an unknown mode with HTTP 400", async () => {
    const { e } = await start();
    const reply = await request(e.url, "POST", "/__emulator/faults", { body: { path: "/x", kind: "lose-answer", mode: "maybe" } });
    expect(reply.status).toBe(400);
    expect(reply.body.message).toMatch(/reset, 500 or timeout/);
  });
});
