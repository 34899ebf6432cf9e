/**
 * Drives a provider the way the engine does (check → create, read, diff → update, delete), against
 * zilliz-local, with the config `configure()` would have stored.
 */
import { expect } from "vitest";
import { isPartialState, provider, type PartialStateError, type ZillizProvider } from "../../../src/resources/runtime";
import { UNKNOWN } from "../../../src/resources/shared/unknowns";
import type { TestEmulator } from "../../support/emulator";

export { UNKNOWN };

/** A provider of `kind` wired to the emulator, collecting its progress messages. */
export function providerFor(kind: string, emu: TestEmulator, extra: { allowDataLoss?: boolean } = {}): { p: ZillizProvider; logs: string[] } {
  const logs: string[] = [];
  const p = provider(kind, { config: { apiKey: emu.apiKey, cloudApiUrl: emu.url, ...extra }, log: (m) => logs.push(m), pollIntervalMs: 20 });
  return { p, logs };
}

/** check (must pass) then create, as `pulumi up` does for a new resource. */
export async function up(p: ZillizProvider, inputs: Record<string, unknown>) {
  const checked = await p.check({}, inputs);
  expect(checked.failures ?? []).toEqual([]);
  const created = await p.create(checked.inputs!);
  expect(created.id).toBeTruthy();
  return { id: created.id as string, outs: created.outs as Record<string, unknown>, inputs: checked.inputs! };
}

/** refresh: read, then the diff of the refreshed state against the same inputs must be empty. */
export async function refreshNoDiff(p: ZillizProvider, id: string, outs: Record<string, unknown>, inputs: Record<string, unknown>) {
  const r = await p.read!(id, outs);
  expect(r.id).toBe(id);
  const d1 = await p.diff!(id, r.props as Record<string, unknown>, inputs);
  expect(d1.changes).toBe(false);
  const d2 = await p.diff!(id, r.props as Record<string, unknown>, r.inputs as Record<string, unknown>);
  expect(d2.changes).toBe(false);
  return r;
}

/** Awaits a rejection that must be the partial-state shape (the engine keeps the id). */
export async function expectPartial(promise: Promise<unknown>): Promise<PartialStateError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isPartialState(err)).toBe(true);
  return err as PartialStateError;
}

/** Awaits a rejection and returns its message. */
export async function rejectionMessage(promise: Promise<unknown>): Promise<string> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(Error);
  return (err as Error).message;
}

/** A RUNNING serverless cluster on the emulator: its data-plane endpoint and `user:password` token. */
export async function clusterOn(emu: TestEmulator, name: string): Promise<{ clusterId: string; endpoint: string; token: string }> {
  const { p } = providerFor("Cluster", emu);
  const { id, outs } = await up(p, { clusterName: name, plan: "Serverless", regionId: "gcp-us-west1" });
  return { clusterId: id, endpoint: outs.connectAddress as string, token: `${outs.username as string}:${outs.password as string}` };
}

/** Inserts rows straight through the data plane (the resources never write entities). */
export async function insertRows(endpoint: string, token: string, collectionName: string, data: Array<Record<string, unknown>>): Promise<void> {
  const res = await fetch(`${endpoint.replace(/\/$/, "")}/v2/vectordb/entities/insert`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ collectionName, data }),
  });
  const body = (await res.json()) as { code: number; message?: string };
  expect(body.code, body.message).toBe(0);
}
