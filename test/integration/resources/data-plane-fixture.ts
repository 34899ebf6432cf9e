/**
 * Shared setup of the data-plane object tests (Database, Partition, Alias, User, Role, PrivilegeGroup): a
 * zilliz-local cluster, a raw client on its data plane, plain collections, and the data-plane call count.
 */
import { expect } from "vitest";
import { MilvusClient } from "../../../src/client";
import type { PartialStateError, ZillizProvider } from "../../../src/resources/runtime";
import type { TestEmulator } from "../../support/emulator";
import { clusterOn, expectPartial, refreshNoDiff } from "./harness";

/** A cluster on the emulator with a client on its data plane. */
export interface Plane {
  clusterId: string;
  endpoint: string;
  token: string;
  mc: (dbName?: string) => MilvusClient;
}

export async function planeOn(emu: TestEmulator, name: string): Promise<Plane> {
  const c = await clusterOn(emu, name);
  return { ...c, mc: (dbName?: string) => new MilvusClient({ endpoint: c.endpoint, token: c.token, dbName }) };
}

/** A collection with a primary key and a small vector field, not indexed and not loaded. */
export async function plainCollection(plane: Plane, collectionName: string, dbName?: string): Promise<void> {
  await plane.mc(dbName).collections.create({
    collectionName,
    ...(dbName ? { dbName } : {}),
    schema: { autoID: true, fields: [{ fieldName: "id", dataType: "Int64", isPrimary: true }, { fieldName: "vec", dataType: "FloatVector", elementTypeParams: { dim: 4 } }] },
  });
}

/** Runs `fn` and returns the data-plane calls it made (the cluster's call log), as `METHOD path`. */
export async function dataPlaneCalls(emu: TestEmulator, plane: Plane, fn: () => Promise<unknown>): Promise<string[]> {
  await emu.control.clearCalls();
  await fn();
  const log = await emu.control.calls();
  return log.calls.filter((c) => c.target !== "control").map((c) => `${c.method} ${c.path}`);
}

/** `check` fails naming exactly these properties, and the server hears nothing. */
export async function expectRejected(emu: TestEmulator, plane: Plane, check: () => Promise<{ failures?: Array<{ property: string; reason: string }> }>, properties: string[]): Promise<string[]> {
  let reasons: string[] = [];
  const calls = await dataPlaneCalls(emu, plane, async () => {
    const r = await check();
    expect((r.failures ?? []).map((f) => f.property).sort()).toEqual([...properties].sort());
    reasons = (r.failures ?? []).map((f) => f.reason);
  });
  expect(calls).toEqual([]);
  return reasons;
}

/** A refresh with no diff (see `refreshNoDiff`) and the data-plane calls it made. */
export async function refreshWithCalls(emu: TestEmulator, plane: Plane, p: ZillizProvider, id: string, outs: Record<string, unknown>, inputs: Record<string, unknown>) {
  let r: Awaited<ReturnType<typeof refreshNoDiff>> | undefined;
  const calls = await dataPlaneCalls(emu, plane, async () => (r = await refreshNoDiff(p, id, outs, inputs)));
  return { calls, r: r! };
}

/** Runs `create` while the data plane answers `path` with an error: it must reject with partial state. */
export async function partialWhenFailing(emu: TestEmulator, plane: Plane, path: string, create: () => Promise<unknown>): Promise<PartialStateError> {
  await emu.control.injectFault({ target: plane.clusterId, path, kind: "code", code: 65535, message: "boom" });
  try {
    return await expectPartial(create());
  } finally {
    await emu.control.clearFaults();
  }
}
