/** PrivilegeGroup through the runtime against a zilliz-local cluster's data plane (Milvus 2.5 profile). */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrivilegeGroups } from "../../../src/client";
import { startTestEmulator, type TestEmulator } from "../../support/emulator";
import { dataPlaneCalls, expectRejected, planeOn, type Plane, refreshWithCalls, partialWhenFailing } from "./data-plane-fixture";
import { providerFor, rejectionMessage, up } from "./harness";

let emu: TestEmulator;
let plane: Plane;
const groups = () => new PrivilegeGroups(plane.mc().transport);
const privilegesOf = async (name: string) => (await groups().list()).find((g) => g.privilegeGroupName === name)?.privileges.sort();

beforeAll(async () => {
  emu = await startTestEmulator();
  plane = await planeOn(emu, "group-host");
});
afterAll(async () => emu?.close());

describe("PrivilegeGroup lifecycle", () => {
  let id = "";
  let outs: Record<string, unknown> = {};
  let inputs: Record<string, unknown> = {};

  it("creates the group with its privileges", async () => {
    const { p } = providerFor("PrivilegeGroup", emu);
    inputs = { endpoint: plane.endpoint, token: plane.token, privilegeGroupName: "readers", privileges: ["Search", "Query"] };
    ({ id, outs } = await up(p, inputs));
    expect(id).toBe("readers");
    expect(await privilegesOf("readers")).toEqual(["Query", "Search"]);
  });

  it("refresh is one list call and leaves no diff; order and duplicates are no change", async () => {
    const { p } = providerFor("PrivilegeGroup", emu);
    const { calls, r } = await refreshWithCalls(emu, plane, p, id, outs, inputs);
    expect(calls).toEqual(["POST /v2/vectordb/privilege_groups/list"]);
    expect(r.props).toEqual(outs);
    expect((await p.diff!(id, outs, { ...inputs, privileges: ["Query", "Search", "Query"] })).changes).toBe(false);
  });

  it("changes privileges in place: one add and one remove call for the difference", async () => {
    const { p } = providerFor("PrivilegeGroup", emu);
    const next = { ...inputs, privileges: ["Query", "DescribeCollection"] };
    expect(await p.diff!(id, outs, next)).toMatchObject({ changes: true, replaces: [] });
    const calls = await dataPlaneCalls(emu, plane, async () => (outs = (await p.update!(id, outs, next)).outs as Record<string, unknown>));
    expect(calls).toEqual(["POST /v2/vectordb/privilege_groups/list", "POST /v2/vectordb/privilege_groups/add_privileges_to_group", "POST /v2/vectordb/privilege_groups/remove_privileges_from_group"]);
    expect(await privilegesOf("readers")).toEqual(["DescribeCollection", "Query"]);
    inputs = next;
    expect(await p.diff!(id, outs, { ...inputs, privilegeGroupName: "other" })).toMatchObject({ replaces: ["privilegeGroupName"] });
  });

  it("drops it; a read then sees it gone and a second delete is a no-op", async () => {
    const { p } = providerFor("PrivilegeGroup", emu);
    await p.delete!(id, outs);
    expect(await privilegesOf("readers")).toBeUndefined();
    expect(await p.read!(id, outs)).toEqual({});
    await p.delete!(id, outs);
  });
});

describe("PrivilegeGroup checks, adoption and partial state", () => {
  const base = () => ({ endpoint: plane.endpoint, token: plane.token });

  it("refuses built-in groups and bad input at check, naming the property, with no call", async () => {
    const { p } = providerFor("PrivilegeGroup", emu);
    const [reason] = await expectRejected(emu, plane, () => p.check({}, { ...base(), privilegeGroupName: "ClusterReadOnly" }), ["privilegeGroupName"]);
    expect(reason).toMatch(/built-in privilege group/);
    await expectRejected(emu, plane, () => p.check({}, { ...base(), privilegeGroupName: "bad name" }), ["privilegeGroupName"]);
    await expectRejected(emu, plane, () => p.check({}, { ...base(), privilegeGroupName: "g", privileges: [""] }), ["privileges[0]"]);
  });

  it("refuses an existing group without adopt and adopts it (privileges set in place) with adopt: true", async () => {
    await groups().create({ privilegeGroupName: "legacy" });
    await groups().addPrivileges({ privilegeGroupName: "legacy", privileges: ["Insert"] });
    const { p } = providerFor("PrivilegeGroup", emu);
    const inputs = { ...base(), privilegeGroupName: "legacy", privileges: ["Query"] };
    expect(await rejectionMessage(p.create(inputs))).toMatch(/privilege group "legacy" already exists; set adopt: true/);
    const { id } = await up(p, { ...inputs, adopt: true });
    expect(id).toBe("legacy");
    expect(await privilegesOf("legacy")).toEqual(["Query"]);
    // `PrivilegeGroup.get` reads by id with only the target.
    expect((await p.read!("legacy", base())).props).toMatchObject({ privilegeGroupName: "legacy", privileges: ["Query"] });
  });

  it("a group dropped outside is dropped from the stack at refresh", async () => {
    const { p } = providerFor("PrivilegeGroup", emu);
    const { id, outs } = await up(p, { ...base(), privilegeGroupName: "brief" });
    await groups().drop({ privilegeGroupName: "brief" });
    expect(await p.read!(id, outs)).toEqual({});
  });

  it("a failure adding privileges after the create leaves partial state; the next update adds them", async () => {
    const { p } = providerFor("PrivilegeGroup", emu);
    const inputs = { ...base(), privilegeGroupName: "halfway", privileges: ["Query"] };
    const err = await partialWhenFailing(emu, plane, "/v2/vectordb/privilege_groups/add_privileges_to_group", () => p.create(inputs));
    expect(err.id).toBe("halfway");
    expect(err.properties).toMatchObject({ privilegeGroupName: "halfway", privileges: [], pendingWork: { operation: "create" } });
    await p.update!(err.id, err.properties, inputs);
    expect(await privilegesOf("halfway")).toEqual(["Query"]);
  });
});
