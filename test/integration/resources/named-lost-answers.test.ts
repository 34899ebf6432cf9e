/**
 * Role, User and Alias creates whose answer is lost, before or after the server acted (the emulator's
 * lose-answer and status faults): each looks up what happened and goes on with exactly one object, or sends
 * the create once more when nothing was made (found by the fault soak: one reset on `roles/create` left an
 * orphan role that the next `up` refused as "already exists").
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MilvusClient } from "../../../src/client";
import { startTestEmulator, type TestEmulator } from "../../support/emulator";
import { clusterOn, providerFor, refreshNoDiff, rejectionMessage, up } from "./harness";

let emu: TestEmulator;
let clusterId = "";
let endpoint = "";
let token = "";

beforeAll(async () => {
  emu = await startTestEmulator();
  ({ clusterId, endpoint, token } = await clusterOn(emu, "named-lost"));
  const { p } = providerFor("Collection", emu);
  for (const name of ["docs", "other"]) await up(p, { endpoint, token, collectionName: name, schema: { fields: [{ name: "id", dataType: "Int64", isPrimary: true }, { name: "vec", dataType: "FloatVector", dim: 4 }] } });
});
afterAll(async () => emu?.close());

const mc = () => new MilvusClient({ endpoint, token });
const creates = async (path: string) => (await emu.control.calls()).calls.filter((c) => c.path === `/v2/vectordb/${path}`).length;

/** Arms one fault on the next create of `path`, runs `fn`, and returns how often the create was sent. */
async function withFault(path: string, fault: Record<string, unknown>, fn: () => Promise<void>): Promise<number> {
  await emu.control.injectFault({ target: clusterId, method: "POST", path: `/v2/vectordb/${path}`, ...fault } as never);
  await emu.control.clearCalls();
  await fn();
  return creates(path);
}

const FAULTS: Array<[string, Record<string, unknown>, number]> = [
  ["answer lost after acting", { kind: "lose-answer", mode: "reset" }, 1],
  ["503 before acting", { kind: "status", status: 503 }, 2],
];

describe("outcome-unknown creates of roles, users and aliases", () => {
  for (const [label, fault, sends] of FAULTS) {
    it(`Role (${label}): one role, with its grants`, async () => {
      const name = `r_${sends}`;
      const { p } = providerFor("Role", emu);
      const inputs = { endpoint, token, roleName: name, privileges: [{ privilege: "Query", objectName: "docs" }] };
      let created: Awaited<ReturnType<typeof up>> | undefined;
      expect(await withFault("roles/create", fault, async () => void (created = await up(p, inputs)))).toBe(sends);
      expect((await mc().roles.list()).filter((r) => r === name)).toEqual([name]);
      await refreshNoDiff(p, created!.id, created!.outs, inputs);
      await p.delete!(created!.id, created!.outs);
    });

    it(`User (${label}): one user, signing in with the password sent`, async () => {
      const name = `u_${sends}`;
      const { p } = providerFor("User", emu);
      const inputs = { endpoint, token, userName: name, password: "Lost-Answer-1" };
      let created: Awaited<ReturnType<typeof up>> | undefined;
      expect(await withFault("users/create", fault, async () => void (created = await up(p, inputs)))).toBe(sends);
      const asUser = new MilvusClient({ endpoint, token: `${name}:Lost-Answer-1` });
      await expect(asUser.collections.list()).resolves.toBeDefined();
      await p.delete!(created!.id, created!.outs);
    });

    it(`Alias (${label}): one alias, on the requested collection`, async () => {
      const name = `a_${sends}`;
      const { p } = providerFor("Alias", emu);
      const inputs = { endpoint, token, aliasName: name, collectionName: "docs" };
      let created: Awaited<ReturnType<typeof up>> | undefined;
      expect(await withFault("aliases/create", fault, async () => void (created = await up(p, inputs)))).toBe(sends);
      expect((await mc().aliases.describe({ aliasName: name })).collectionName).toBe("docs");
      await refreshNoDiff(p, created!.id, created!.outs, inputs);
      await p.delete!(created!.id, created!.outs);
    });
  }

  it("a user of that name with another password is not taken: the create fails with the next step", async () => {
    await mc().users.create({ userName: "u_taken", password: "Someone-Else-1" });
    // The check before the create misses the user (its list answer loses the name), and the create answers 500:
    // the lookup then finds a user of that name that does not have the password sent.
    await emu.control.injectFault({ target: clusterId, method: "POST", path: "/v2/vectordb/users/list", kind: "rewrite", edits: [{ op: "set", path: "data", value: ["root"] }] } as never);
    await emu.control.injectFault({ target: clusterId, method: "POST", path: "/v2/vectordb/users/create", kind: "status", status: 500 } as never);
    const { p } = providerFor("User", emu);
    const message = await rejectionMessage(p.create({ endpoint, token, userName: "u_taken", password: "Mine-Passw0rd-1" }));
    expect(message).toMatch(/exists with another password/);
    expect(message).toMatch(/set adopt: true/);
    // Nothing was changed: the other password still signs in.
    await expect(new MilvusClient({ endpoint, token: "u_taken:Someone-Else-1" }).collections.list()).resolves.toBeDefined();
  });
});
