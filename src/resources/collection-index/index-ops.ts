/** CollectionIndex create/read/update/delete against the Milvus REST v2 data plane (run time only). */
import { canonicalIndexFromDescribe, isNotFound, MilvusClient, waitFor, type IndexDescription } from "../../client";
import { canonicalProperties } from "../collection/collection-canonical";
import { partialState } from "../shared/partial-state";
import { adoptRefusal, deadlineMs, outcomeUnknown, pickInputs, type ResourceOps, type RuntimeContext } from "../shared/runtime-context";
import { planIndexDiff } from "./index-plan";
import { DEFAULT_INDEX_WAIT_SECONDS, indexInputsSchema, INDEX_TYPES } from "./index-schema";

export const INDEX_INPUT_KEYS = [
  "endpoint", "token", "dbName", "collectionName", "fieldName", "indexName", "indexType", "metricType", "fieldDataType", "params", "waitForBuild", "adopt", "waitTimeoutSeconds",
] as const;

/** Set on a collection whose index was dropped while it was loaded, so the next index build reloads it. */
export const PENDING_RELOAD_KEY = "pulumi-zilliz.reloadAfterIndex";

type Named = { collectionName: string; dbName?: string };
const named = (p: Record<string, unknown>): Named => ({ collectionName: p.collectionName as string, ...(p.dbName ? { dbName: p.dbName as string } : {}) });
const indexNameOf = (p: Record<string, unknown>) => (p.indexName as string | undefined) ?? (p.fieldName as string);

function client(ctx: RuntimeContext, p: Record<string, unknown>): MilvusClient {
  return new MilvusClient({ endpoint: p.endpoint as string, token: (p.token as string | undefined) ?? ctx.config.apiKey, dbName: p.dbName as string | undefined });
}

/** The id: `<dbName>/<collectionName>/<indexName>`. */
export function indexId(p: Record<string, unknown>): string {
  return `${(p.dbName as string | undefined) ?? "default"}/${p.collectionName as string}/${indexNameOf(p)}`;
}

async function describeIndex(mc: MilvusClient, p: Record<string, unknown>): Promise<IndexDescription | undefined> {
  try {
    const list = await mc.indexes.describe({ ...named(p), indexName: indexNameOf(p) });
    return list.find((d) => d.indexName === indexNameOf(p));
  } catch (e) {
    if (isNotFound(e)) return undefined;
    throw e;
  }
}

function mismatches(p: Record<string, unknown>, d: IndexDescription) {
  const c = canonicalIndexFromDescribe(d);
  const out: Array<{ property: string; existing: unknown; wanted: unknown }> = [];
  const cmp = (k: string, existing: unknown, wanted: unknown) => JSON.stringify(existing) !== JSON.stringify(wanted) && out.push({ property: k, existing, wanted });
  cmp("fieldName", c.fieldName, p.fieldName);
  cmp("indexType", c.indexType, p.indexType);
  if (p.metricType !== undefined) cmp("metricType", c.metricType, p.metricType);
  cmp("params", c.params, canonicalProperties(p.params as Record<string, unknown> | undefined));
  return out;
}

async function waitBuilt(ctx: RuntimeContext, mc: MilvusClient, p: Record<string, unknown>): Promise<IndexDescription> {
  return waitFor({
    poll: async () => {
      const d = await describeIndex(mc, p);
      if (!d) throw new Error(`index ${indexNameOf(p)} disappeared while building`);
      return d;
    },
    check: (d) => (d.indexState === "Finished" || d.indexState === undefined ? "done" : d.indexState === "Failed" ? { failed: d.failReason || "index build failed" } : "pending"),
    timeoutMs: deadlineMs(p, DEFAULT_INDEX_WAIT_SECONDS),
    intervalMs: ctx.pollIntervalMs,
    description: `index ${indexNameOf(p)} to finish building`,
    onProgress: (d, ms) => ctx.log(`index ${indexNameOf(p)}: ${d.indexState ?? "?"} ${d.indexedRows ?? 0}/${d.totalRows ?? 0} rows (${Math.round(ms / 1000)} s)`),
  });
}

function outputs(p: Record<string, unknown>, d: IndexDescription | undefined): Record<string, unknown> {
  // Row counts are left out on purpose: they move with every insert, so a refresh would always report a change.
  return { ...pickInputs(p, INDEX_INPUT_KEYS), indexName: indexNameOf(p), indexState: d?.indexState ?? "" };
}

/** Reloads a collection this provider released to drop an index, once all its vector fields are indexed again. */
async function reloadIfPending(ctx: RuntimeContext, mc: MilvusClient, p: Record<string, unknown>): Promise<void> {
  const d = await mc.collections.describe(named(p));
  if (!(d.properties ?? []).some((kv) => kv.key === PENDING_RELOAD_KEY && kv.value === "true")) return;
  try {
    await mc.collections.load(named(p));
    await mc.collections.dropProperties({ ...named(p), propertyKeys: [PENDING_RELOAD_KEY] });
    ctx.log(`collection ${p.collectionName as string}: reloaded after the index was rebuilt`);
  } catch (e) {
    // Another vector field may still lack an index: its index resource will retry.
    ctx.log(`collection ${p.collectionName as string}: not reloaded yet (${e instanceof Error ? e.message : String(e)})`);
  }
}

/** Sends the create once; if its outcome is unknown, continues only when the index now exists as requested. */
async function createOnce(ctx: RuntimeContext, mc: MilvusClient, inputs: Record<string, unknown>): Promise<void> {
  try {
    await mc.indexes.create({
      ...named(inputs),
      indexParams: [{
        fieldName: inputs.fieldName as string, indexName: indexNameOf(inputs), indexType: inputs.indexType as string,
        ...(inputs.metricType !== undefined ? { metricType: inputs.metricType as string } : {}),
        ...(inputs.params !== undefined ? { params: inputs.params as Record<string, unknown> } : {}),
      }],
    });
  } catch (e) {
    if (!outcomeUnknown(e)) throw e;
    const now = await describeIndex(mc, inputs).catch(() => undefined);
    if (!now || mismatches(inputs, now).length > 0) throw e;
    ctx.log(`index ${indexNameOf(inputs)}: the create response was lost; the index exists as requested`);
  }
}

async function create(ctx: RuntimeContext, inputs: Record<string, unknown>) {
  const mc = client(ctx, inputs);
  const id = indexId(inputs);
  // Match the index to the real field type (check only knows it when fieldDataType is given).
  const coll = await mc.collections.describe(named(inputs));
  const field = coll.fields.find((f) => f.name === inputs.fieldName);
  if (!field) throw new Error(`CollectionIndex: collection "${inputs.collectionName as string}" has no field "${inputs.fieldName as string}"`);
  const recheck = indexInputsSchema.safeParse({ ...inputs, fieldDataType: field.type });
  if (!recheck.success) throw new Error(`CollectionIndex: ${recheck.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  const existing = await describeIndex(mc, inputs);
  if (existing) {
    if (inputs.adopt !== true) throw new Error(`CollectionIndex: index "${indexNameOf(inputs)}" already exists on "${inputs.collectionName as string}"; set adopt: true to take it over`);
    const diff = mismatches(inputs, existing);
    if (diff.length > 0) throw adoptRefusal(`index "${indexNameOf(inputs)}"`, diff);
  } else {
    await createOnce(ctx, mc, inputs);
  }
  try {
    const d = inputs.waitForBuild === false ? await describeIndex(mc, inputs) : await waitBuilt(ctx, mc, inputs);
    await reloadIfPending(ctx, mc, inputs);
    return { id, outs: outputs(inputs, d) };
  } catch (e) {
    throw partialState(id, outputs(inputs, undefined), e);
  }
}

async function read(ctx: RuntimeContext, id: string, props: Record<string, unknown>) {
  const [db, coll, ...name] = id.split("/");
  const p = { ...props, dbName: props.dbName ?? (db === "default" ? undefined : db), collectionName: props.collectionName ?? coll, indexName: props.indexName ?? name.join("/") };
  const mc = client(ctx, p);
  let d: IndexDescription | undefined;
  try {
    d = await describeIndex(mc, p);
  } catch (e) {
    if (isNotFound(e)) return {};
    throw e;
  }
  if (!d) return {};
  const c = canonicalIndexFromDescribe(d);
  const stored = pickInputs(p, INDEX_INPUT_KEYS);
  const inputs: Record<string, unknown> = { ...stored, fieldName: c.fieldName, indexType: INDEX_TYPES.includes(c.indexType) ? c.indexType : stored.indexType };
  if (stored.indexName !== undefined || c.indexName !== c.fieldName) inputs.indexName = c.indexName;
  if (stored.metricType !== undefined || c.metricType) inputs.metricType = c.metricType || undefined;
  const sameParams = JSON.stringify(canonicalProperties(stored.params as Record<string, unknown> | undefined)) === JSON.stringify(c.params);
  if (!sameParams) inputs.params = Object.keys(c.params).length > 0 ? c.params : undefined;
  return { id, props: outputs(inputs, d), inputs };
}

async function update(_ctx: RuntimeContext, _id: string, olds: Record<string, unknown>, news: Record<string, unknown>) {
  // Only local settings change in place (token, wait settings); the index itself is untouched.
  return { outs: { ...outputs(news, undefined), indexState: olds.indexState } };
}

async function remove(ctx: RuntimeContext, _id: string, props: Record<string, unknown>): Promise<void> {
  const mc = client(ctx, props);
  const n = named(props);
  let loaded: boolean;
  try {
    loaded = (await mc.collections.getLoadState(n)).loadState === "LoadStateLoaded";
  } catch (e) {
    if (isNotFound(e)) return; // the collection is gone, and its indexes with it
    throw e;
  }
  if (loaded) {
    // Milvus refuses to drop the index of a loaded collection: release, drop, then reload if possible.
    await mc.collections.release(n);
  }
  try {
    await mc.indexes.drop({ ...n, indexName: indexNameOf(props) });
  } catch (e) {
    if (!isNotFound(e)) {
      if (loaded) await mc.collections.load(n).catch(() => undefined);
      throw e;
    }
  }
  if (loaded) {
    try {
      await mc.collections.load(n);
    } catch {
      // Another index must be built first (a replacement): the next index create reloads the collection.
      await mc.collections.alterProperties({ ...n, properties: { [PENDING_RELOAD_KEY]: "true" } });
      ctx.log(`collection ${n.collectionName}: released to drop index ${indexNameOf(props)}; it will be reloaded once its vector fields are indexed again`);
    }
  }
  await waitFor({
    poll: () => describeIndex(mc, props),
    check: (d) => (d ? "pending" : "done"),
    timeoutMs: deadlineMs(props, DEFAULT_INDEX_WAIT_SECONDS),
    intervalMs: ctx.pollIntervalMs,
    description: `index ${indexNameOf(props)} to be dropped`,
  });
}

/** The CollectionIndex's run-time operations. */
export const indexOps: ResourceOps = { schema: indexInputsSchema, plan: planIndexDiff, create, read, update, delete: remove };
