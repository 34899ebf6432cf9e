/** LegacyServerConfig operations against a Milvus 0.x web server (run time only). */
import { ZillizError, type LegacyMilvusClient } from "../../client";
import { IncompleteError } from "../shared/partial-state";
import { defineResource, type Observed, type ResourceOps } from "../shared/resource-definition";
import type { RuntimeContext } from "../shared/runtime-context";
import type { Props } from "../shared/spec";
import { legacyClient, legacyEndpointOf, requireLegacyServer } from "./legacy-connection";
import {
  ADVANCED_WIRE, GPU_WIRE, legacyServerConfigSpec, type LegacyServerConfigInputs, type LegacyServerConfigSpec, type LegacyServerConfigState,
} from "./legacy-server-config-spec";

type Step = { now: string; changed: boolean };

const named = <K extends string>(p: Props, keys: readonly K[]): K[] => keys.filter((k) => p[k] !== undefined);
const ADVANCED_KEYS = Object.keys(ADVANCED_WIRE) as Array<keyof typeof ADVANCED_WIRE>;
const GPU_KEYS = Object.keys(GPU_WIRE) as Array<keyof typeof GPU_WIRE>;

/** The endpoint of a state; `LegacyServerConfig.get` passes the endpoint as the id. */
const targetOf = (id: string, state: Props) => ({ endpoint: state.endpoint ?? (/^https?:\/\//.test(id) ? id : undefined) });

/** GET /config/gpu_resources with a clear error on a CPU build (it answers "unknown path"). */
async function gpuConfig(client: LegacyMilvusClient) {
  try {
    return await client.getGpuConfig();
  } catch (e) {
    if (ZillizError.isZillizError(e) && e.kind === "unsupported_endpoint") {
      throw new Error(`this Milvus 0.x server has no GPU settings (a CPU build answers /config/gpu_resources with "unknown path"): remove the gpu* settings`);
    }
    throw e;
  }
}

/** What the server has, as spec properties: the advanced settings always, the GPU ones when managed. */
async function look(client: LegacyMilvusClient, managed: Props): Promise<Observed> {
  const adv = await client.getAdvancedConfig();
  const observed: Observed = {};
  for (const key of ADVANCED_KEYS) if (adv[ADVANCED_WIRE[key]] !== undefined) observed[key] = adv[ADVANCED_WIRE[key]];
  if (named(managed, GPU_KEYS).length > 0) {
    const gpu = await gpuConfig(client);
    for (const key of GPU_KEYS) if (gpu[GPU_WIRE[key]] !== undefined) observed[key] = gpu[GPU_WIRE[key]];
  }
  return observed;
}

/**
 * PUTs the settings the program names. Each body is completed from a GET first: the 0.8 server requires all
 * four advanced fields (the seed marks them optional) and the GPU PUT needs `enable` and `cache_capacity`.
 */
async function apply(client: LegacyMilvusClient, inputs: LegacyServerConfigInputs, step: Step): Promise<void> {
  const p = inputs as Props;
  const adv = named(p, ADVANCED_KEYS);
  if (adv.length > 0) {
    step.now = "apply /config/advanced";
    const current = await client.getAdvancedConfig();
    await client.setAdvancedConfig({ ...current, ...Object.fromEntries(adv.map((k) => [ADVANCED_WIRE[k], p[k]])) });
    step.changed = true;
  }
  if (named(p, GPU_KEYS).length > 0) {
    step.now = "apply /config/gpu_resources";
    const current = await gpuConfig(client);
    const cache = inputs.gpuCacheCapacity ?? current.cache_capacity;
    if (cache === undefined) throw new Error("gpuCacheCapacity: the server reports no GPU cache capacity; name one (a GPU settings change needs it)");
    const searchResources = inputs.gpuSearchResources ?? current.search_resources;
    const buildResources = inputs.gpuBuildIndexResources ?? current.build_index_resources;
    await client.setGpuConfig({
      enable: inputs.gpuEnable ?? current.enable,
      cache_capacity: cache,
      ...(searchResources !== undefined ? { search_resources: searchResources.map((s) => s.toUpperCase()) } : {}),
      ...(buildResources !== undefined ? { build_index_resources: buildResources.map((s) => s.toUpperCase()) } : {}),
    });
    step.changed = true;
  }
}

async function create(ctx: RuntimeContext, inputs: LegacyServerConfigInputs) {
  const id = legacyEndpointOf(ctx, inputs);
  const client = legacyClient(ctx, inputs);
  await requireLegacyServer(client, id);
  const step: Step = { now: "read the settings", changed: false };
  try {
    await apply(client, inputs, step);
    return { id, observed: await look(client, inputs) };
  } catch (e) {
    // Nothing changed yet: a plain failure. Otherwise the server holds some of our settings: keep the id.
    if (!step.changed) throw e;
    throw new IncompleteError(id, await look(client, inputs).catch(() => ({})), { operation: "create", step: step.now }, e);
  }
}

async function read(ctx: RuntimeContext, id: string, state: LegacyServerConfigState): Promise<Observed | undefined> {
  // A server always has its settings: the resource is never "gone" (an unreachable server throws).
  return look(legacyClient(ctx, targetOf(id, state)), state);
}

async function update(ctx: RuntimeContext, id: string, _olds: LegacyServerConfigState, news: LegacyServerConfigInputs): Promise<Observed> {
  const client = legacyClient(ctx, news);
  const step: Step = { now: "read the settings", changed: false };
  try {
    await apply(client, news, step);
    return await look(client, news);
  } catch (e) {
    throw new IncompleteError(id, await look(client, news).catch(() => ({})), { operation: "update", step: step.now }, e);
  }
}

/** A failed create or update left settings unapplied: apply them all again (PUT is idempotent). */
async function resume(ctx: RuntimeContext, id: string, state: LegacyServerConfigState, news: LegacyServerConfigInputs): Promise<Observed> {
  ctx.log(`legacy server config ${id}: finishing "${state.pendingWork?.step ?? "apply"}" left by the last run`);
  return update(ctx, id, state, news);
}

/** Deleting leaves the server's settings as they are: there is no "unset" for them, and no reset call. */
async function remove(ctx: RuntimeContext, id: string): Promise<void> {
  ctx.log(`legacy server config ${id}: removed from the stack; the server keeps its current settings`);
}

const ops: ResourceOps<LegacyServerConfigSpec> = { create, read, update, delete: remove, resume };

/** The LegacyServerConfig resource. */
export const legacyServerConfigDefinition = defineResource({ kind: "LegacyServerConfig", spec: legacyServerConfigSpec, ops });
