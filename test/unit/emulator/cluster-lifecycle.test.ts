import { afterEach, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../../../src/emulator";
import { request } from "./http";
import { stubDataPlaneFactory } from "./stub-data-plane";

let emulator: RunningEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

async function start(options: Parameters<typeof startEmulator>[0] = {}) {
  emulator = await startEmulator({ legacyPort: false, createDataPlane: stubDataPlaneFactory().factory, ...options });
  const e = emulator;
  const call = (method: string, path: string, body?: unknown) => request(e.url, method, path, { key: e.apiKey, body });
  const project = (await call("GET", "/v2/projects")).body.data[0].projectId as string;
  const createDedicated = async (name = "c1") =>
    (
      await call("POST", "/v2/clusters/createDedicated", {
        clusterName: name,
        projectId: project,
        regionId: "aws-us-west-2",
        plan: "Enterprise",
        cuType: "Performance-optimized",
        cuSize: 1,
      })
    ).body;
  const status = async (id: string) => (await call("GET", `/v2/clusters/${id}`)).body.data;
  return { e, call, project, createDedicated, status };
}

describe("cluster state machine", () => {
  it("immediate mode: RUNNING on the next read, modify shows the new size, suspend/resume/drop settle at once", async () => {
    const { call, createDedicated, status } = await start({ transitions: { kind: "immediate" } });
    const created = await createDedicated();
    expect(created.code).toBe(0);
    const id = created.data.clusterId;
    expect(await status(id)).toMatchObject({ status: "RUNNING", createProgress: 100, cuSize: 1 });
    expect((await call("POST", `/v2/clusters/${id}/modify`, { cuSize: 2 })).body.code).toBe(0);
    expect(await status(id)).toMatchObject({ status: "RUNNING", cuSize: 2 });
    await call("POST", `/v2/clusters/${id}/suspend`);
    expect((await status(id)).status).toBe("SUSPENDED");
    await call("POST", `/v2/clusters/${id}/resume`);
    expect((await status(id)).status).toBe("RUNNING");
    await call("DELETE", `/v2/clusters/${id}/drop`);
    expect((await status(id)).status).toBe("DELETED");
    expect((await call("GET", "/v2/clusters")).body.data.count).toBe(0);
  });

  it("manual mode: each transient state holds until advanced, and wrong-state calls answer 40003", async () => {
    const { e, call, createDedicated, status } = await start({ transitions: { cluster: { kind: "manual" } } });
    const id = (await createDedicated()).data.clusterId;
    expect(await status(id)).toMatchObject({ status: "CREATING", createProgress: 0 });
    expect((await call("POST", `/v2/clusters/${id}/suspend`)).body).toMatchObject({ code: 40003 });
    e.control.advance("cluster", id);
    expect((await status(id)).status).toBe("RUNNING");

    await call("POST", `/v2/clusters/${id}/modify`, { cuSize: 4 });
    expect(await status(id)).toMatchObject({ status: "MODIFYING", cuSize: 1 });
    expect((await call("POST", `/v2/clusters/${id}/modify`, { cuSize: 8 })).body.code).toBe(40003);
    e.control.advance("cluster");
    expect(await status(id)).toMatchObject({ status: "RUNNING", cuSize: 4 });

    await call("POST", `/v2/clusters/${id}/suspend`);
    expect((await status(id)).status).toBe("SUSPENDING");
    expect((await call("POST", `/v2/clusters/${id}/resume`)).body.code).toBe(40003);
    e.control.advance();
    expect((await status(id)).status).toBe("SUSPENDED");
    await call("POST", `/v2/clusters/${id}/resume`);
    expect((await status(id)).status).toBe("RESUMING");
    e.control.advance("cluster", id);
    await call("DELETE", `/v2/clusters/${id}/drop`);
    expect((await status(id)).status).toBe("DELETING");
    expect((await call("DELETE", `/v2/clusters/${id}/drop`)).body.code).toBe(40003);
    e.control.advance("cluster", id);
    expect((await status(id)).status).toBe("DELETED");
  });

  it("time mode: CREATING with a growing createProgress, then RUNNING after the delay", async () => {
    let clock = 1_000_000;
    const { call, createDedicated, status } = await start({ transitions: { cluster: { kind: "time", ms: 1000 } }, now: () => clock });
    const id = (await createDedicated()).data.clusterId;
    expect(await status(id)).toMatchObject({ status: "CREATING", createProgress: 0 });
    clock += 500;
    expect(await status(id)).toMatchObject({ status: "CREATING", createProgress: 50 });
    clock += 500;
    expect(await status(id)).toMatchObject({ status: "RUNNING", createProgress: 100 });
    await call("POST", `/v2/clusters/${id}/modifyReplica`, { replica: 2 });
    expect(await status(id)).toMatchObject({ status: "MODIFYING", replica: 1 });
    clock += 1000;
    expect(await status(id)).toMatchObject({ status: "RUNNING", replica: 2 });
  });

  it("can name the suspend states STOPPING/STOPPED", async () => {
    const { e, call, createDedicated, status } = await start({ suspendStateNames: "STOPPING", transitions: { cluster: { kind: "manual" } } });
    const id = (await createDedicated()).data.clusterId;
    e.control.advance();
    await call("POST", `/v2/clusters/${id}/suspend`);
    expect((await status(id)).status).toBe("STOPPING");
    e.control.advance();
    expect((await status(id)).status).toBe("STOPPED");
  });

  it("free and serverless clusters refuse dedicated-only operations with 96021/96022", async () => {
    const { call, project } = await start();
    const free = (await call("POST", "/v2/clusters/createFree", { clusterName: "f", projectId: project, regionId: "gcp-us-west1" })).body.data;
    const serverless = (await call("POST", "/v2/clusters/createServerless", { clusterName: "s", projectId: project, regionId: "gcp-us-west1" }))
      .body.data;
    expect(free.clusterId).toMatch(/^in03-[0-9a-f]{15}$/);
    expect(free.username).toBe("db_" + free.clusterId.slice(5));
    expect(serverless.clusterId).toMatch(/^in05-[0-9a-f]{15}$/);
    expect((await call("POST", `/v2/clusters/${free.clusterId}/suspend`)).body.code).toBe(96021);
    expect((await call("POST", `/v2/clusters/${serverless.clusterId}/modify`, { cuSize: 2 })).body.code).toBe(96022);
  });

  it("each cluster gets its own data-plane endpoint accepting the API key or user:password, closed on DELETED", async () => {
    const { e, call, createDedicated, status } = await start();
    const created = (await createDedicated()).data;
    const { connectAddress } = await status(created.clusterId);
    expect(connectAddress).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(connectAddress).not.toBe(e.url);
    expect((await request(connectAddress, "POST", "/v2/vectordb/collections/list", { key: e.apiKey, body: {} })).status).toBe(200);
    const userPass = `${created.username}:${created.password}`;
    expect((await request(connectAddress, "POST", "/v2/vectordb/collections/list", { key: userPass, body: {} })).status).toBe(200);
    expect((await request(connectAddress, "POST", "/v2/vectordb/collections/list", { key: "db_admin:wrong", body: {} })).status).toBe(401);
    await call("DELETE", `/v2/clusters/${created.clusterId}/drop`);
    expect((await status(created.clusterId)).status).toBe("DELETED");
    await expect(fetch(connectAddress + "/v2/vectordb/collections/list", { method: "POST" })).rejects.toThrow();
  });
});
