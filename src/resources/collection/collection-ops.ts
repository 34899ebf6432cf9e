/** Collection create/read/update/delete against the Milvus REST v2 data plane (run time only). */
import { isAlreadyExists, isNotFound, MilvusClient, waitFor, type CollectionDescription } from "../../client";
import { partialState } from "../shared/partial-state";
import { adoptRefusal, deadlineMs, outcomeUnknown, pickInputs, type ResourceOps, type RuntimeContext } from "../shared/runtime-context";
import { canonicalJson } from "../shared/stable-equal";
import { canonicalProperties, sameFields } from "./collection-canonical";
import { planCollectionDiff } from "./collection-plan";
import { collectionInputsSchema, DEFAULT_COLLECTION_WAIT_SECONDS, type FieldInput } from "./collection-schema";
import { createV1, deleteV1, readV1 } from "./collection-v1-ops";
import { describedProperties, fromDescribedField, toWireField } from "./collection-wire";

export const COLLECTION_INPUT_KEYS = [
  "endpoint", "token", "dbName", "collectionName", "description", "schema", "enableDynamicField", "shardsNum", "consistencyLevel",
  "properties", "loaded", "allowDataLoss", "adopt", "apiVersion", "waitTimeoutSeconds",
] as const;

/** Where a description set after creation is kept (the REST API has no other way to change it). */
const DESCRIPTION_KEY = "collection.description";
/** Property keys the server refuses to change while the collection is loaded. */
const NEEDS_RELEASE = /^(mmap\.enabled|lazyload\.enabled|warmup)/;

type Named = { collectionName: string; dbName?: string };

function client(ctx: RuntimeContext, p: Record<string, unknown>): MilvusClient {
  return new MilvusClient({ endpoint: p.endpoint as string, token: (p.token as string | undefined) ?? ctx.config.apiKey, dbName: p.dbName as string | undefined });
}

const named = (p: Record<string, unknown>): Named => ({ collectionName: p.collectionName as string, ...(p.dbName ? { dbName: p.dbName as string } : {}) });
const fieldsOf = (p: Record<string, unknown>): FieldInput[] => ((p.schema as { fields?: FieldInput[] } | undefined)?.fields ?? []);

/** The id: `<dbName>/<collectionName>` at creation (a later rename keeps the id; state holds the name). */
export function collectionId(p: Record<string, unknown>): string {
  return `${(p.dbName as string | undefined) ?? "default"}/${p.collectionName as string}`;
}

async function isLoaded(mc: MilvusClient, n: Named): Promise<boolean> {
  return (await mc.collections.getLoadState(n)).loadState === "LoadStateLoaded";
}

async function setLoaded(ctx: RuntimeContext, mc: MilvusClient, n: Named, loaded: boolean, p: Record<string, unknown>): Promise<void> {
  if (!loaded) return mc.collections.release(n);
  await mc.collections.load(n);
  await waitFor({
    poll: () => mc.collections.getLoadState(n),
    check: (s) => (s.loadState === "LoadStateLoaded" ? "done" : "pending"),
    timeoutMs: deadlineMs(p, DEFAULT_COLLECTION_WAIT_SECONDS),
    intervalMs: ctx.pollIntervalMs,
    description: `collection ${n.collectionName} to load`,
    onProgress: (s, ms) => ctx.log(`collection ${n.collectionName}: ${s.loadState} ${s.loadProgress ?? 0}% (${Math.round(ms / 1000)} s)`),
  });
}

/** Outputs: the inputs, with what the server reports where the server is the authority. */
function outputs(inputs: Record<string, unknown>, d: CollectionDescription, loaded: boolean): Record<string, unknown> {
  return { ...pickInputs(inputs, COLLECTION_INPUT_KEYS), collectionId: d.collectionID ?? "", loadState: loaded ? "Loaded" : "NotLoaded" };
}

/** Inputs as the server has them, keeping the user's spelling wherever the meaning is the same. */
function inputsFromServer(stored: Record<string, unknown>, d: CollectionDescription, loaded: boolean): Record<string, unknown> {
  const props = describedProperties(d);
  const description = props[DESCRIPTION_KEY] ?? d.description ?? "";
  const fields = d.fields.map(fromDescribedField);
  const out: Record<string, unknown> = { ...stored, collectionName: d.collectionName };
  out.schema = sameFields(fieldsOf(stored), fields) ? stored.schema : { fields };
  if (stored.description !== undefined || description !== "") out.description = description;
  const managed = Object.keys((stored.properties as Record<string, unknown>) ?? {});
  const current: Record<string, string> = {};
  for (const k of managed) if (props[k] !== undefined) current[k] = props[k]!;
  if (stored.properties !== undefined) {
    out.properties = canonicalJson(canonicalProperties(stored.properties as Record<string, unknown>)) === canonicalJson(current) ? stored.properties : current;
  }
  if (stored.loaded !== undefined) out.loaded = loaded;
  if (stored.enableDynamicField !== undefined || d.enableDynamicField) out.enableDynamicField = d.enableDynamicField ?? false;
  if (stored.shardsNum !== undefined && d.shardsNum !== undefined) out.shardsNum = d.shardsNum;
  if (stored.consistencyLevel !== undefined && d.consistencyLevel) out.consistencyLevel = d.consistencyLevel;
  return out;
}

function adoptMismatches(inputs: Record<string, unknown>, d: CollectionDescription) {
  const server = inputsFromServer({ ...inputs, shardsNum: inputs.shardsNum, consistencyLevel: inputs.consistencyLevel }, d, false);
  const out: Array<{ property: string; existing: unknown; wanted: unknown }> = [];
  if (!sameFields(fieldsOf(inputs), fieldsOf(server))) out.push({ property: "schema.fields", existing: fieldsOf(server), wanted: fieldsOf(inputs) });
  for (const k of ["enableDynamicField", "shardsNum", "consistencyLevel"] as const) {
    if (inputs[k] !== undefined && server[k] !== inputs[k]) out.push({ property: k, existing: server[k], wanted: inputs[k] });
  }
  return out;
}

async function rowCount(mc: MilvusClient, n: Named): Promise<number> {
  return Number((await mc.collections.getStats(n)).rowCount);
}

/** Refuses to drop a collection holding entities unless the user opted in. */
async function guardDataLoss(ctx: RuntimeContext, mc: MilvusClient, n: Named, p: Record<string, unknown>): Promise<void> {
  if (p.allowDataLoss === true || ctx.config.allowDataLoss === true) return;
  const rows = await rowCount(mc, n);
  if (rows > 0) {
    throw new Error(
      `refusing to drop collection "${n.collectionName}": it holds ${rows} entities. This happens on a replacement (a schema change that cannot be applied in place) or a destroy. ` +
        "To allow it, set allowDataLoss: true on the collection and run `pulumi up` once before the change, or set the stack config `pulumi config set zilliz:allowDataLoss true` for this run.",
    );
  }
}

async function create(ctx: RuntimeContext, inputs: Record<string, unknown>) {
  if (inputs.apiVersion === "v1") return createV1(ctx, inputs, collectionId(inputs));
  const mc = client(ctx, inputs);
  const n = named(inputs);
  const id = collectionId(inputs);
  const fields = fieldsOf(inputs);
  // Milvus answers a create of an existing collection with the same schema with success, so a takeover
  // would go unnoticed: look first, and take an existing collection over only when asked to.
  const exists = await mc.collections.has(n);
  if (exists && inputs.adopt !== true) {
    throw new Error(`Collection: "${n.collectionName}" already exists; set adopt: true to take it over, or choose another collectionName`);
  }
  if (exists) {
    const mismatches = adoptMismatches(inputs, await mc.collections.describe(n));
    if (mismatches.length > 0) throw adoptRefusal(`collection "${n.collectionName}"`, mismatches);
    ctx.log(`collection ${id}: adopted the existing collection`);
  } else {
    const params: Record<string, unknown> = {};
    if (inputs.shardsNum !== undefined) params.shardsNum = inputs.shardsNum;
    if (inputs.consistencyLevel !== undefined) params.consistencyLevel = inputs.consistencyLevel;
    try {
      await mc.collections.create({
        ...n,
        ...(inputs.description !== undefined ? { description: inputs.description as string } : {}),
        schema: { autoID: fields.some((f) => f.isPrimary && f.autoId), enableDynamicField: (inputs.enableDynamicField as boolean) ?? false, fields: fields.map(toWireField) },
        ...(Object.keys(params).length > 0 ? { params } : {}),
      });
    } catch (e) {
      if (isAlreadyExists(e)) throw new Error(`Collection: "${n.collectionName}" already exists; set adopt: true to take it over, or choose another collectionName`);
      // A lost answer: the collection may exist now. Continue with it only if it has exactly our schema.
      if (!outcomeUnknown(e) || !(await mc.collections.has(n).catch(() => false))) throw e;
      const mismatches = adoptMismatches(inputs, await mc.collections.describe(n));
      if (mismatches.length > 0) throw e;
      ctx.log(`collection ${id}: the create response was lost; the collection exists with the requested schema`);
    }
  }
  try {
    const props = canonicalProperties(inputs.properties as Record<string, unknown> | undefined);
    if (Object.keys(props).length > 0) await mc.collections.alterProperties({ ...n, properties: props });
    if (inputs.loaded !== undefined) await setLoaded(ctx, mc, n, inputs.loaded as boolean, inputs);
    const d = await mc.collections.describe(n);
    return { id, outs: outputs(inputs, d, await isLoaded(mc, n)) };
  } catch (e) {
    throw partialState(id, pickInputs(inputs, COLLECTION_INPUT_KEYS), e);
  }
}

async function read(ctx: RuntimeContext, id: string, props: Record<string, unknown>) {
  const [db, ...rest] = id.split("/");
  const p: Record<string, unknown> = { ...props, collectionName: props.collectionName ?? rest.join("/"), dbName: props.dbName ?? (db === "default" ? undefined : db) };
  if (p.apiVersion === "v1") return readV1(ctx, id, p);
  const mc = client(ctx, p);
  let d: CollectionDescription;
  try {
    d = await mc.collections.describe(named(p));
  } catch (e) {
    if (isNotFound(e)) return {};
    throw e;
  }
  const loaded = await isLoaded(mc, named(p));
  const inputs = inputsFromServer(pickInputs(p, COLLECTION_INPUT_KEYS), d, loaded);
  return { id, props: outputs(inputs, d, loaded), inputs };
}

async function update(ctx: RuntimeContext, id: string, olds: Record<string, unknown>, news: Record<string, unknown>) {
  // Over v1 only local settings change in place (the diff replaces everything else).
  if (news.apiVersion === "v1") return { outs: { ...pickInputs(news, COLLECTION_INPUT_KEYS), collectionId: olds.collectionId, loadState: olds.loadState } };
  const mc = client(ctx, news);
  const plan = planCollectionDiff(olds, news);
  let n = named(olds);
  try {
    for (const step of plan.updates) {
      if (step === "collectionName") {
        await mc.collections.rename({ ...n, newCollectionName: news.collectionName as string });
        n = named(news);
      } else if (step === "description") {
        await mc.collections.alterProperties({ ...n, properties: { [DESCRIPTION_KEY]: (news.description as string) ?? "" } });
      } else if (step === "properties") {
        const before = canonicalProperties(olds.properties as Record<string, unknown> | undefined);
        const after = canonicalProperties(news.properties as Record<string, unknown> | undefined);
        const removed = Object.keys(before).filter((k) => !(k in after));
        const changed = Object.fromEntries(Object.entries(after).filter(([k, v]) => before[k] !== v));
        const release = [...removed, ...Object.keys(changed)].some((k) => NEEDS_RELEASE.test(k)) && (await isLoaded(mc, n));
        if (release) await mc.collections.release(n);
        if (removed.length > 0) await mc.collections.dropProperties({ ...n, propertyKeys: removed });
        if (Object.keys(changed).length > 0) await mc.collections.alterProperties({ ...n, properties: changed });
        if (release) await setLoaded(ctx, mc, n, true, news);
      } else if (step === "schema") {
        for (const f of fieldsOf(news).slice(fieldsOf(olds).length)) await mc.collections.addField({ ...n, schema: toWireField(f) });
      } else if (step === "loaded") {
        if (news.loaded !== undefined) await setLoaded(ctx, mc, n, news.loaded as boolean, news);
      }
    }
  } catch (e) {
    throw partialState(id, { ...pickInputs(olds, COLLECTION_INPUT_KEYS), collectionName: n.collectionName }, e);
  }
  const d = await mc.collections.describe(n);
  return { outs: outputs(news, d, await isLoaded(mc, n)) };
}

async function remove(ctx: RuntimeContext, _id: string, props: Record<string, unknown>): Promise<void> {
  if (props.apiVersion === "v1") return deleteV1(ctx, props);
  const mc = client(ctx, props);
  const n = named(props);
  try {
    await guardDataLoss(ctx, mc, n, props);
    await mc.collections.drop(n);
  } catch (e) {
    if (isNotFound(e)) return;
    throw e;
  }
  await waitFor({
    poll: () => mc.collections.has(n),
    check: (has) => (has ? "pending" : "done"),
    timeoutMs: deadlineMs(props, DEFAULT_COLLECTION_WAIT_SECONDS),
    intervalMs: ctx.pollIntervalMs,
    description: `collection ${n.collectionName} to be dropped`,
  });
}

/** The Collection's run-time operations. */
export const collectionOps: ResourceOps = { schema: collectionInputsSchema, plan: planCollectionDiff, create, read, update, delete: remove };
