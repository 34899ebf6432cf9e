/** Alias operations against the Milvus REST v2 data plane (run time only). */
import { isNotFound, type AliasDescription, type MilvusClient } from "../../client";
import { milvusClient, targetOf } from "../shared/data-plane-target";
import { createNamed } from "../shared/named-create";
import type { Lookup } from "../shared/outcome-unknown";
import { IncompleteError } from "../shared/partial-state";
import { defineResource, type Observed, type ResourceOps } from "../shared/resource-definition";
import type { RuntimeContext } from "../shared/runtime-context";
import { aliasSpec, refineAlias, type AliasInputs, type AliasSpec, type AliasState } from "./alias-spec";

type Where = { aliasName: string; dbName?: string };

/** The id: `<dbName>/<aliasName>`. */
export function aliasId(p: Where): string {
  return `${p.dbName ?? "default"}/${p.aliasName}`;
}

/** The names from the state, or from the id when `Alias.get` gave only the target. */
function whereOf(id: string, state: AliasState): Where {
  const [db, ...name] = id.split("/");
  const dbName = state.dbName ?? (db !== "default" ? db : undefined);
  return { aliasName: state.aliasName ?? name.join("/"), ...(dbName ? { dbName } : {}) };
}

/** The alias, or `undefined` when the server confirms it (or its database) is missing. */
async function describe(mc: MilvusClient, w: Where): Promise<AliasDescription | undefined> {
  try {
    return await mc.aliases.describe(w);
  } catch (e) {
    if (isNotFound(e)) return undefined;
    throw e;
  }
}

const observe = (d: AliasDescription): Observed => ({ aliasName: d.aliasName, collectionName: d.collectionName });

async function create(ctx: RuntimeContext, inputs: AliasInputs) {
  const mc = await milvusClient(ctx, inputs);
  const w: Where = { aliasName: inputs.aliasName, ...(inputs.dbName ? { dbName: inputs.dbName } : {}) };
  const id = aliasId(w);
  const existing = await describe(mc, w);
  if (existing) {
    if (inputs.adopt !== true) throw new Error(`Alias: alias "${inputs.aliasName}" already exists (it points to "${existing.collectionName}"); set adopt: true to take it over`);
    if (existing.collectionName !== inputs.collectionName) {
      try {
        await mc.aliases.alter({ ...w, collectionName: inputs.collectionName });
      } catch (e) {
        // The alias is taken over but still points at the old collection: the next up retargets it.
        throw new IncompleteError(id, observe(existing), { operation: "create", step: "retarget" }, e);
      }
      ctx.log(`alias ${inputs.aliasName}: adopted and retargeted from ${existing.collectionName} to ${inputs.collectionName}`);
    }
  } else {
    const lookUp = async (): Promise<Lookup<true>> => {
      const now = await describe(mc, w);
      if (!now) return { absent: true };
      return now.collectionName === inputs.collectionName ? { found: true } : { unknowable: `alias "${inputs.aliasName}" exists and points to "${now.collectionName}"` };
    };
    await createNamed(ctx, { kind: "alias", name: inputs.aliasName, send: () => mc.aliases.create({ ...w, collectionName: inputs.collectionName }), lookUp });
  }
  return { id, observed: { aliasName: inputs.aliasName, collectionName: inputs.collectionName } };
}

async function read(ctx: RuntimeContext, id: string, state: AliasState): Promise<Observed | undefined> {
  const w = whereOf(id, state);
  const mc = await milvusClient(ctx, { ...targetOf(state), dbName: w.dbName });
  const d = await describe(mc, w);
  return d ? observe(d) : undefined;
}

/** The one in-place change: point the alias at another collection, atomically (`aliases/alter`). */
async function update(ctx: RuntimeContext, _id: string, olds: AliasState, news: AliasInputs): Promise<Observed> {
  const mc = await milvusClient(ctx, news);
  if (olds.collectionName !== news.collectionName) {
    await mc.aliases.alter({ aliasName: news.aliasName, collectionName: news.collectionName, ...(news.dbName ? { dbName: news.dbName } : {}) });
    ctx.log(`alias ${news.aliasName}: now points to ${news.collectionName} (was ${olds.collectionName ?? "?"})`);
  }
  return { aliasName: news.aliasName, collectionName: news.collectionName };
}

async function remove(ctx: RuntimeContext, id: string, state: AliasState): Promise<void> {
  const w = whereOf(id, state);
  const mc = await milvusClient(ctx, { ...targetOf(state), dbName: w.dbName });
  try {
    await mc.aliases.drop(w); // idempotent on the server
  } catch (e) {
    if (!isNotFound(e)) throw e; // a missing database took the alias with it
  }
}

/** An adoption that failed retargeting: point the alias where the inputs say. */
const resume: ResourceOps<AliasSpec>["resume"] = (ctx, id, _state, news) => update(ctx, id, { collectionName: undefined }, news);

const ops: ResourceOps<AliasSpec> = { create, read, update, delete: remove, resume };

/** The Alias resource. */
export const aliasDefinition = defineResource({ kind: "Alias", spec: aliasSpec, refine: refineAlias, ops });
