/** Helpers for the control-plane resource tests (Project, ApiKey, Volume): call counting on the control plane. */
import { expect } from "vitest";
import type { ZillizProvider } from "../../../src/resources/runtime";
import type { TestEmulator } from "../../support/emulator";
import { refreshNoDiff } from "./harness";

/** Runs `fn` and returns every call it made (control plane and data planes), as `METHOD path`. */
export async function callsDuring(emu: TestEmulator, fn: () => Promise<unknown>): Promise<string[]> {
  await emu.control.clearCalls();
  await fn();
  return (await emu.control.calls()).calls.map((c) => `${c.method} ${c.path}`);
}

/** A refresh with no diff (see `refreshNoDiff`) and the calls it made. */
export async function refreshCalls(emu: TestEmulator, p: ZillizProvider, id: string, outs: Record<string, unknown>, inputs: Record<string, unknown>) {
  let r: Awaited<ReturnType<typeof refreshNoDiff>> | undefined;
  const calls = await callsDuring(emu, async () => (r = await refreshNoDiff(p, id, outs, inputs)));
  return { calls, r: r! };
}

/** A diff with no change, costing no call at all. */
export async function expectNoChangeFree(emu: TestEmulator, p: ZillizProvider, id: string, outs: Record<string, unknown>, inputs: Record<string, unknown>): Promise<void> {
  const calls = await callsDuring(emu, async () => expect((await p.diff!(id, outs, inputs)).changes).toBe(false));
  expect(calls).toEqual([]);
}

/** `check` fails naming exactly these properties, and no server hears anything. */
export async function expectRejectedFree(emu: TestEmulator, p: ZillizProvider, inputs: Record<string, unknown>, properties: string[]): Promise<string[]> {
  let reasons: string[] = [];
  const calls = await callsDuring(emu, async () => {
    const r = await p.check({}, inputs);
    expect((r.failures ?? []).map((f) => f.property).sort()).toEqual([...properties].sort());
    reasons = (r.failures ?? []).map((f) => f.reason);
  });
  expect(calls).toEqual([]);
  return reasons;
}
