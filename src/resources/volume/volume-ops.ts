/** Volume operations against the control plane v2 (run time only). */
import { isAlreadyExists, isNotFound, waitFor, ZillizClient, type Volume as VolumeInfo } from "../../client";
import { cloudClient } from "../shared/cloud-client";
import { IncompleteError } from "../shared/partial-state";
import { defineResource, type Observed, type ResourceOps } from "../shared/resource-definition";
import { createOrFind } from "../shared/outcome-unknown";
import { adoptRefusal, deadlineMs, type Mismatch, type RuntimeContext } from "../shared/runtime-context";
import { DEFAULT_VOLUME_WAIT_SECONDS, refineVolume, volumeSpec, type VolumeInputs, type VolumeSpec, type VolumeState } from "./volume-spec";


function observe(v: VolumeInfo): Observed {
  return {
    volumeName: v.volumeName,
    ...(v.projectId ? { projectId: v.projectId } : {}),
    ...(v.regionId ? { regionId: v.regionId } : {}),
    ...(v.type ? { type: v.type } : {}),
    ...(v.storageIntegrationId ? { storageIntegrationId: v.storageIntegrationId } : {}),
    ...(v.path ? { path: v.path } : {}),
    status: v.status ?? "",
    createTime: v.createTime ?? "",
  };
}

async function describe(zc: ZillizClient, name: string): Promise<VolumeInfo | undefined> {
  try {
    return await zc.volumes.describe(name);
  } catch (e) {
    if (isNotFound(e)) return undefined;
    throw e;
  }
}

async function resolveProjectId(zc: ZillizClient, inputs: VolumeInputs): Promise<string> {
  if (inputs.projectId !== undefined) return inputs.projectId;
  const projects = await zc.projects.list();
  const found = projects.find((p) => p.projectName === "Default Project") ?? (projects.length === 1 ? projects[0] : undefined);
  if (!found) throw new Error(`Volume: no projectId given and no project named "Default Project" among ${projects.length} projects; set projectId`);
  return found.projectId;
}

/** Waits until the volume is RUNNING, logging progress. */
function waitRunning(ctx: RuntimeContext, zc: ZillizClient, name: string, inputs: VolumeInputs): Promise<VolumeInfo> {
  return waitFor({
    poll: () => zc.volumes.describe(name),
    check: (v) => (v.status === "RUNNING" ? "done" : v.status === "FAILED" || v.status === "DELETED" ? { failed: `volume is ${v.status}` } : "pending"),
    timeoutMs: deadlineMs(inputs, DEFAULT_VOLUME_WAIT_SECONDS),
    intervalMs: ctx.pollIntervalMs,
    description: `volume ${name} to reach RUNNING`,
    onProgress: (v, ms) => ctx.log(`volume ${name}: ${v.status ?? "?"}, waiting for RUNNING (${Math.round(ms / 1000)} s)`),
  });
}

function adoptMismatches(inputs: VolumeInputs, projectId: string, v: VolumeInfo): Mismatch[] {
  const out: Mismatch[] = [];
  const want = (property: string, existing: unknown, wanted: unknown) => wanted !== undefined && existing !== undefined && existing !== wanted && out.push({ property, existing, wanted });
  want("projectId", v.projectId, projectId);
  want("regionId", v.regionId, inputs.regionId);
  want("type", v.type, inputs.type ?? "MANAGED");
  want("storageIntegrationId", v.storageIntegrationId ?? undefined, inputs.storageIntegrationId);
  want("path", v.path ?? undefined, inputs.path);
  return out;
}

async function create(ctx: RuntimeContext, inputs: VolumeInputs) {
  const zc = cloudClient(ctx);
  const name = inputs.volumeName;
  const projectId = await resolveProjectId(zc, inputs);
  const existing = inputs.adopt === true ? await describe(zc, name) : undefined;
  if (existing) {
    const mismatches = adoptMismatches(inputs, projectId, existing);
    if (mismatches.length > 0) throw adoptRefusal(`volume "${name}"`, mismatches);
    ctx.log(`volume ${name}: adopting the existing volume`);
  } else {
    const external = inputs.type === "EXTERNAL" ? { storageIntegrationId: inputs.storageIntegrationId, path: inputs.path } : {};
    try {
      await createOrFind(ctx, {
        what: `volume "${name}"`,
        send: () => zc.volumes.create({ projectId, regionId: inputs.regionId, volumeName: name, type: inputs.type ?? "MANAGED", ...external }),
        // Volume names are unique: one of that name now is the lost request's (the create refuses taken names).
        lookUp: async () => ((await describe(zc, name)) ? { found: true } : { absent: true }),
        resendWhenAbsent: true,
        nextStep: `look at the project's volumes; if "${name}" is yours, set adopt: true for one \`pulumi up\`, otherwise run \`pulumi up\` again`,
      });
    } catch (e) {
      if (isAlreadyExists(e)) throw new Error(`Volume: a volume named "${name}" already exists; set adopt: true to take it over, or choose another volumeName`);
      throw e;
    }
  }
  // From here on the volume exists: a failed or timed-out wait keeps it in the stack.
  try {
    const v = await waitRunning(ctx, zc, name, inputs);
    return { id: name, observed: observe(v) };
  } catch (e) {
    const now = await describe(zc, name).catch(() => undefined);
    throw new IncompleteError(name, now ? observe(now) : { volumeName: name }, { operation: "create", step: "wait RUNNING" }, e);
  }
}

async function read(ctx: RuntimeContext, id: string): Promise<Observed | undefined> {
  const v = await describe(cloudClient(ctx), id);
  return v ? observe(v) : undefined;
}

/** Every argument replaces the volume: an update only finishes a wait a failed create left. */
async function update(ctx: RuntimeContext, id: string, _olds: VolumeState, news: VolumeInputs): Promise<Observed> {
  const zc = cloudClient(ctx);
  const v = await describe(zc, id);
  if (!v) throw new Error(`Volume: volume "${id}" no longer exists; run \`pulumi refresh\` to drop it from the stack`);
  if (v.status === "RUNNING") return observe(v);
  try {
    return observe(await waitRunning(ctx, zc, id, news));
  } catch (e) {
    const now = await describe(zc, id).catch(() => undefined);
    throw new IncompleteError(id, now ? observe(now) : {}, { operation: "create", step: "wait RUNNING" }, e);
  }
}

async function remove(ctx: RuntimeContext, id: string, state: VolumeState): Promise<void> {
  const zc = cloudClient(ctx);
  try {
    await zc.volumes.delete(id);
  } catch (e) {
    if (isNotFound(e)) return;
    throw e;
  }
  await waitFor({
    poll: () => describe(zc, id),
    check: (v) => (v === undefined ? "done" : "pending"),
    timeoutMs: deadlineMs(state, DEFAULT_VOLUME_WAIT_SECONDS),
    intervalMs: ctx.pollIntervalMs,
    description: `volume ${id} to be deleted`,
    onProgress: (v, ms) => ctx.log(`volume ${id}: ${v?.status ?? "gone"}, waiting until it is deleted (${Math.round(ms / 1000)} s)`),
  });
}

const ops: ResourceOps<VolumeSpec> = { create, read, update, delete: remove, resume: (ctx, id, state, news) => update(ctx, id, state, news) };

/** The Volume resource. */
export const volumeDefinition = defineResource({ kind: "Volume", spec: volumeSpec, refine: refineVolume, ops });
