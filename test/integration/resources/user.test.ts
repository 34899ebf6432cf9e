/** User through the runtime against a zilliz-local cluster's data plane: password in place, roles as a set. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../../support/emulator";
import { dataPlaneCalls, expectRejected, planeOn, type Plane, refreshWithCalls } from "./data-plane-fixture";
import { expectPartial, providerFor, rejectionMessage, up } from "./harness";

let emu: TestEmulator;
let plane: Plane;

beforeAll(async () => {
  emu = await startTestEmulator();
  plane = await planeOn(emu, "user-host");
  for (const roleName of ["reader", "writer"]) await plane.mc().roles.create({ roleName });
});
afterAll(async () => emu?.close());

const rolesOf = (userName: string) => plane.mc().users.describe({ userName });
/** True when `password` is the user's current one (setting it to itself succeeds only then). */
const passwordIs = (userName: string, password: string) =>
  plane.mc().users.updatePassword({ userName, password, newPassword: password }).then(() => true, () => false);

describe("User lifecycle", () => {
  let id = "";
  let outs: Record<string, unknown> = {};
  let inputs: Record<string, unknown> = {};

  it("creates the user with its roles; the password never reaches a log", async () => {
    const { p, logs } = providerFor("User", emu);
    inputs = { endpoint: plane.endpoint, token: plane.token, userName: "app", password: "first-secret", roles: ["reader"] };
    ({ id, outs } = await up(p, inputs));
    expect(id).toBe("app");
    expect(outs).toMatchObject({ userName: "app", roles: ["reader"] });
    expect(await rolesOf("app")).toEqual(["reader"]);
    expect(await passwordIs("app", "first-secret")).toBe(true);
    expect(logs.join("\n")).not.toContain("first-secret");
  });

  it("refresh is one describe call (the user has roles) and leaves no diff", async () => {
    const { p } = providerFor("User", emu);
    const { calls, r } = await refreshWithCalls(emu, plane, p, id, outs, inputs);
    expect(calls).toEqual(["POST /v2/vectordb/users/describe"]);
    expect(r.props).toEqual(outs);
  });

  it("changes the password in place with update_password, proving the old one", async () => {
    const { p } = providerFor("User", emu);
    const next = { ...inputs, password: "second-secret" };
    expect(await p.diff!(id, outs, next)).toMatchObject({ changes: true, replaces: [] });
    const calls = await dataPlaneCalls(emu, plane, async () => (outs = (await p.update!(id, outs, next)).outs as Record<string, unknown>));
    expect(calls).toEqual(["POST /v2/vectordb/users/update_password", "POST /v2/vectordb/users/describe"]);
    expect(await passwordIs("app", "second-secret")).toBe(true);
    expect(outs.password).toBe("second-secret");
    inputs = next;
  });

  it("changes roles in place: grants only the added, revokes only the removed; order and duplicates do not matter", async () => {
    const { p } = providerFor("User", emu);
    expect((await p.diff!(id, outs, { ...inputs, roles: ["reader", "reader"] })).changes).toBe(false);
    const next = { ...inputs, roles: ["writer"] };
    const calls = await dataPlaneCalls(emu, plane, async () => (outs = (await p.update!(id, outs, next)).outs as Record<string, unknown>));
    expect(calls).toEqual(["POST /v2/vectordb/users/describe", "POST /v2/vectordb/users/grant_role", "POST /v2/vectordb/users/revoke_role"]);
    expect(await rolesOf("app")).toEqual(["writer"]);
    inputs = next;
    expect(await p.diff!(id, outs, { ...inputs, userName: "app2" })).toMatchObject({ replaces: ["userName"] });
  });

  it("a password changed outside the stack fails the update with a clear error", async () => {
    await plane.mc().users.updatePassword({ userName: "app", password: "second-secret", newPassword: "changed-elsewhere" });
    const { p } = providerFor("User", emu);
    const message = await rejectionMessage(p.update!(id, outs, { ...inputs, password: "third-secret" }));
    expect(message).toMatch(/password of "app" was changed outside this stack/);
    expect(message).not.toMatch(/second-secret|third-secret|changed-elsewhere/);
    await plane.mc().users.updatePassword({ userName: "app", password: "changed-elsewhere", newPassword: "second-secret" });
  });

  it("roles granted outside show as drift at refresh", async () => {
    await plane.mc().users.grantRole({ userName: "app", roleName: "reader" });
    const { p } = providerFor("User", emu);
    const r = await p.read!(id, outs);
    expect((r.props as Record<string, unknown>).roles).toEqual(["reader", "writer"]);
    expect((await p.diff!(id, r.props as Record<string, unknown>, inputs)).changes).toBe(true);
    outs = (await p.update!(id, r.props as Record<string, unknown>, inputs)).outs as Record<string, unknown>;
    expect(await rolesOf("app")).toEqual(["writer"]);
  });

  it("drops it; a read then sees it gone and a second delete is a no-op", async () => {
    const { p } = providerFor("User", emu);
    await p.delete!(id, outs);
    expect(await plane.mc().users.list()).not.toContain("app");
    expect(await p.read!(id, outs)).toEqual({});
    await p.delete!(id, outs);
  });
});

describe("User checks, adoption and partial state", () => {
  const base = () => ({ endpoint: plane.endpoint, token: plane.token });

  it("rejects bad input at check naming the property, with no call", async () => {
    const { p } = providerFor("User", emu);
    await expectRejected(emu, plane, () => p.check({}, { ...base(), userName: "root", password: "long-enough" }), ["userName"]);
    await expectRejected(emu, plane, () => p.check({}, { ...base(), userName: "1abc", password: "long-enough" }), ["userName"]);
    await expectRejected(emu, plane, () => p.check({}, { ...base(), userName: "ok", password: "short" }), ["password"]);
    await expectRejected(emu, plane, () => p.check({}, { ...base(), userName: "ok", password: "long-enough", roles: "reader" }), ["roles"]);
  });

  it("a user without roles is read with describe plus list (describe cannot tell a missing user)", async () => {
    const { p } = providerFor("User", emu);
    const { id, outs } = await up(p, { ...base(), userName: "bare", password: "bare-secret" });
    expect(await dataPlaneCalls(emu, plane, () => p.read!(id, outs))).toEqual(["POST /v2/vectordb/users/describe", "POST /v2/vectordb/users/list"]);
    await plane.mc().users.drop({ userName: "bare" });
    expect(await p.read!(id, outs)).toEqual({});
  });

  it("refuses an existing user without adopt or with the wrong password; adopts it with its password", async () => {
    await plane.mc().users.create({ userName: "legacy", password: "legacy-secret" });
    await plane.mc().users.grantRole({ userName: "legacy", roleName: "writer" });
    const { p } = providerFor("User", emu);
    const inputs = { ...base(), userName: "legacy", password: "legacy-secret", roles: ["reader"] };
    expect(await rejectionMessage(p.create(inputs))).toMatch(/user "legacy" already exists; set adopt: true/);
    expect(await rejectionMessage(p.create({ ...inputs, adopt: true, password: "not-the-one" }))).toMatch(/cannot adopt user "legacy": the password given is not its current password/);
    const { id, outs } = await up(p, { ...inputs, adopt: true });
    expect(id).toBe("legacy");
    expect(outs.roles).toEqual(["reader"]);
    expect(await rolesOf("legacy")).toEqual(["reader"]);
    // `User.get` reads by id with only the target (the password stays unknown).
    expect((await p.read!("legacy", base())).props).toMatchObject({ userName: "legacy", roles: ["reader"] });
  });

  it("a grant that fails after the create leaves partial state; the next update grants once the role exists", async () => {
    const { p } = providerFor("User", emu);
    const inputs = { ...base(), userName: "early", password: "early-secret", roles: ["reader", "later"] };
    const err = await expectPartial(p.create(inputs));
    expect(err.id).toBe("early");
    expect(err.properties).toMatchObject({ userName: "early", pendingWork: { operation: "create", step: "grant roles" } });
    expect(JSON.stringify(err.reasons)).not.toContain("early-secret");
    expect(await plane.mc().users.list()).toContain("early");
    await plane.mc().roles.create({ roleName: "later" });
    const outs = (await p.update!(err.id, err.properties, inputs)).outs as Record<string, unknown>;
    expect(outs.pendingWork).toBeUndefined();
    expect((await rolesOf("early")).sort()).toEqual(["later", "reader"]);
  });
});
