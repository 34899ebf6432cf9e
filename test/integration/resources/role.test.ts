/** Role through the runtime against a zilliz-local cluster's data plane: grants as a set, in place. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrivilegeGroups } from "../../../src/client";
import { startTestEmulator, type TestEmulator } from "../../support/emulator";
import { dataPlaneCalls, expectRejected, planeOn, type Plane, refreshWithCalls, partialWhenFailing } from "./data-plane-fixture";
import { providerFor, refreshNoDiff, rejectionMessage, up } from "./harness";

let emu: TestEmulator;
let plane: Plane;

beforeAll(async () => {
  emu = await startTestEmulator();
  plane = await planeOn(emu, "role-host");
  await plane.mc().databases.create({ dbName: "analytics" });
});
afterAll(async () => emu?.close());

const grants = async (roleName: string, dbName = "default") =>
  (await plane.mc().roles.describe({ roleName, dbName })).map((g) => `${g.dbName}/${g.objectType}/${g.objectName}/${g.privilege}`).sort();

describe("Role lifecycle", () => {
  let id = "";
  let outs: Record<string, unknown> = {};
  let inputs: Record<string, unknown> = {};

  it("creates the role with its grants (defaults: Collection, *, default)", async () => {
    const { p } = providerFor("Role", emu);
    inputs = { endpoint: plane.endpoint, token: plane.token, roleName: "reader", privileges: [{ privilege: "Query", objectName: "docs" }, { privilege: "Load" }] };
    ({ id, outs } = await up(p, inputs));
    expect(id).toBe("reader");
    expect(await grants("reader")).toEqual(["default/Collection/*/Load", "default/Collection/docs/Query"]);
  });

  it("refresh is one describe call (grants in one database) and leaves no diff", async () => {
    const { p } = providerFor("Role", emu);
    const { calls, r } = await refreshWithCalls(emu, plane, p, id, outs, inputs);
    expect(calls).toEqual(["POST /v2/vectordb/roles/describe"]);
    expect(r.props).toEqual(outs);
  });

  it("the grants are a set: order, duplicates and spelled-out defaults are no change", async () => {
    const { p } = providerFor("Role", emu);
    const same = { ...inputs, privileges: [{ privilege: "Load", objectType: "Collection", objectName: "*", dbName: "default" }, { privilege: "Query", objectName: "docs" }, { privilege: "Query", objectName: "docs" }] };
    expect((await p.diff!(id, outs, same)).changes).toBe(false);
  });

  it("changes grants in place: grants only the added, revokes only the removed, in any database", async () => {
    const { p } = providerFor("Role", emu);
    const next = { ...inputs, privileges: [{ privilege: "Query", objectName: "docs" }, { privilege: "Search", objectName: "events", dbName: "analytics" }, { privilege: "CreateCollection", objectType: "Global" }] };
    expect(await p.diff!(id, outs, next)).toMatchObject({ changes: true, replaces: [] });
    const calls = await dataPlaneCalls(emu, plane, async () => (outs = (await p.update!(id, outs, next)).outs as Record<string, unknown>));
    expect(calls.filter((c) => c.includes("grant_privilege"))).toHaveLength(2);
    expect(calls.filter((c) => c.includes("revoke_privilege"))).toHaveLength(1);
    expect(await grants("reader")).toEqual(["default/Collection/docs/Query", "default/Global/*/CreateCollection"]);
    expect(await grants("reader", "analytics")).toEqual(["analytics/Collection/events/Search"]);
    inputs = next;
    const r = await refreshNoDiff(p, id, outs, inputs);
    expect(r.props).toEqual(outs);
    expect(await p.diff!(id, outs, { ...inputs, roleName: "reader2" })).toMatchObject({ replaces: ["roleName"] });
  });

  it("a grant made outside shows as drift and the next update revokes it", async () => {
    await plane.mc().roles.grantPrivilege({ roleName: "reader", objectType: "Collection", objectName: "docs", privilege: "Insert" });
    const { p } = providerFor("Role", emu);
    const r = await p.read!(id, outs);
    expect((await p.diff!(id, r.props as Record<string, unknown>, inputs)).changes).toBe(true);
    outs = (await p.update!(id, r.props as Record<string, unknown>, inputs)).outs as Record<string, unknown>;
    expect(await grants("reader")).not.toContain("default/Collection/docs/Insert");
  });

  it("drops it (grants revoked first); a read then sees it gone and a second delete is a no-op", async () => {
    const { p } = providerFor("Role", emu);
    await p.delete!(id, outs);
    expect(await plane.mc().roles.list()).not.toContain("reader");
    expect(await p.read!(id, outs)).toEqual({});
    await p.delete!(id, outs);
  });
});

describe("Role checks, adoption and partial state", () => {
  const base = () => ({ endpoint: plane.endpoint, token: plane.token });

  it("refuses the built-in roles and bad grants at check, naming the property, with no call", async () => {
    const { p } = providerFor("Role", emu);
    const [admin] = await expectRejected(emu, plane, () => p.check({}, { ...base(), roleName: "admin" }), ["roleName"]);
    expect(admin).toMatch(/admin is a built-in role: it cannot be created or dropped/);
    await expectRejected(emu, plane, () => p.check({}, { ...base(), roleName: "public" }), ["roleName"]);
    await expectRejected(emu, plane, () => p.check({}, { ...base(), roleName: "r", privileges: [{ privilege: "Query", objectType: "Table" }] }), ["privileges[0].objectType"]);
    await expectRejected(emu, plane, () => p.check({}, { ...base(), roleName: "r", privileges: [{ privilege: "Query", colection: "docs" }] }), ["privileges[0].colection"]);
    await expectRejected(emu, plane, () => p.check({}, { ...base(), roleName: "r", privileges: [{}] }), ["privileges[0].privilege"]);
  });

  it("refuses an existing role without adopt and adopts it (grants set in place) with adopt: true", async () => {
    await plane.mc().roles.create({ roleName: "ops" });
    await plane.mc().roles.grantPrivilege({ roleName: "ops", objectType: "Global", objectName: "*", privilege: "DropCollection" });
    const { p } = providerFor("Role", emu);
    const inputs = { ...base(), roleName: "ops", privileges: [{ privilege: "Flush" }] };
    expect(await rejectionMessage(p.create(inputs))).toMatch(/role "ops" already exists; set adopt: true/);
    const { id } = await up(p, { ...inputs, adopt: true });
    expect(id).toBe("ops");
    expect(await grants("ops")).toEqual(["default/Collection/*/Flush"]);
    // `Role.get` reads by id with only the target.
    expect((await p.read!("ops", base())).props).toMatchObject({ roleName: "ops", privileges: [{ objectType: "Collection", objectName: "*", privilege: "Flush", dbName: "default" }] });
  });

  it("a collection-level grant the first grant API refuses (1100) goes through grant_privilege_v2", async () => {
    const group = new PrivilegeGroups(plane.mc().transport);
    await group.create({ privilegeGroupName: "docs_readers" });
    const { p } = providerFor("Role", emu);
    await emu.control.injectFault({ target: plane.clusterId, path: "/v2/vectordb/roles/grant_privilege", kind: "code", code: 1100, message: "not found the privilege name[docs_readers]: invalid parameter" });
    let calls: string[];
    try {
      calls = await dataPlaneCalls(emu, plane, () => up(p, { ...base(), roleName: "grouped", privileges: [{ privilege: "docs_readers", objectName: "docs" }] }));
    } finally {
      await emu.control.clearFaults();
    }
    expect(calls.filter((c) => c.includes("grant_privilege"))).toEqual(["POST /v2/vectordb/roles/grant_privilege", "POST /v2/vectordb/roles/grant_privilege_v2"]);
    // Milvus reports a group granted through grant_privilege_v2 under the Global object type.
    expect(await grants("grouped")).toEqual(["default/Global/docs/docs_readers"]);
  });

  it("a role dropped outside is dropped from the stack at refresh", async () => {
    const { p } = providerFor("Role", emu);
    const { id, outs } = await up(p, { ...base(), roleName: "brief" });
    await plane.mc().roles.drop({ roleName: "brief" });
    expect(await p.read!(id, outs)).toEqual({});
    await p.delete!(id, outs);
  });

  it("a grant that fails after the create leaves partial state; the next update grants", async () => {
    const { p } = providerFor("Role", emu);
    const inputs = { ...base(), roleName: "halfway", privileges: [{ privilege: "Query" }, { privilege: "Search" }] };
    const err = await partialWhenFailing(emu, plane, "/v2/vectordb/roles/grant_privilege", () => p.create(inputs));
    expect(err.id).toBe("halfway");
    expect(err.properties).toMatchObject({ roleName: "halfway", pendingWork: { operation: "create", step: "grant privileges" } });
    await p.update!(err.id, err.properties, inputs);
    expect(await grants("halfway")).toEqual(["default/Collection/*/Query", "default/Collection/*/Search"]);
  });
});
