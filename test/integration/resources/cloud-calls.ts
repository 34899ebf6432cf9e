/** Control-plane call counting for the cloud resources' integration tests (BackupPolicy, Backup, PrivateEndpoint). */
import { ZillizClient } from "../../../src/client";
import type { TestEmulator } from "../../support/emulator";
import { providerFor, up } from "./harness";

/** Runs `fn` and returns the control-plane calls it made, as `METHOD path`. */
export async function controlCalls(emu: TestEmulator, fn: () => Promise<unknown>): Promise<string[]> {
  await emu.control.clearCalls();
  await fn();
  const log = await emu.control.calls();
  return log.calls.filter((c) => c.target === "control").map((c) => `${c.method} ${c.path}`);
}

/** A direct v2 client on the emulator (to change things behind the stack's back). */
export const directClient = (emu: TestEmulator) => new ZillizClient({ apiKey: emu.apiKey, baseUrl: emu.url });

/** The id of the emulator's "Default Project". */
export async function defaultProjectId(emu: TestEmulator): Promise<string> {
  const projects = await directClient(emu).projects.list();
  return projects.find((p) => p.projectName === "Default Project")!.projectId;
}

/** A RUNNING Dedicated (Enterprise) cluster created through the Cluster resource. */
export async function dedicatedCluster(emu: TestEmulator, name: string, over: Record<string, unknown> = {}): Promise<{ id: string; outs: Record<string, unknown>; inputs: Record<string, unknown> }> {
  const { p } = providerFor("Cluster", emu);
  return up(p, { clusterName: name, plan: "Enterprise", regionId: "aws-us-west-2", cuSize: 1, ...over });
}
