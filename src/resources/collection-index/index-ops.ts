/** CollectionIndex operations against the Milvus REST v2 data plane (run time only). */
import { z } from "zod";
import { canonicalIndexFromDescribe, isNotFound, waitFor, type CollectionDescription, type IndexDescription, type MilvusClient } from "../../client";
import { canonicalMap } from "../shared/canonical-map";
import { checkRetarget, collectionRef, milvusClient, targetOf } from "../shared/data-plane-target";
import { IncompleteError } from "../shared/partial-state";
import type { DiffPlan } from "../shared/plan";
import { PENDING_RELOAD_KEY } from "../shared/reserved-properties";
import { defineResource, type Observed, type ResourceOps } from "../shared/resource-definition";
import { createOrFind } from "../shared/outcome-unknown";
import { describeFresh, forgetDescribe } from "../shared/fresh-describes";
import { adoptRefusal, deadlineMs, errorText, type Mismatch, type RuntimeContext } from "../shared/runtime-context";
import { stableEqual } from "../shared/stable-equal";
import { indexNextStep, lookUpIndex } from "./index-recovery";
import { adjustIndexPlan, DEFAULT_INDEX_WAIT_SECONDS, indexSpec, refineIndex, type IndexInputs, type IndexSpec, type IndexState } from "./index-spec";

type Ref = { collectionName: string; dbName?: string };
type Where = { collectionName: string; dbName?: string; fieldName: string; indexName?: string };

const indexNameOf = (p: { indexName?: string; fieldName: string }) => p.indexName ?? p.fieldName;

/** The id: `<dbName>/<collectionName>/<indexName>` (as created; the index follows a collection rename). */
export function indexId(p: Where): string {
  return `${p.dbName ?? "default"}/${p.collectionName}/${indexNameOf(p)}`;
}

async function describeIndex(mc: MilvusClient, p: Where): Promise<IndexDescription | undefined> {
  try {
    const list = await mc.indexes.describe({ ...collectionRef(p), indexName: indexNameOf(p) });
    return list.find((d) => d.indexName === indexNameOf(p));
  } catch (e) {
    if (isNotFound(e)) return undefined;
    throw e;
  }
}

/**
 * What the server reports, as spec properties. Left out (so the program's values stand): params when the
 * server's describe has no `indexParams` (Milvus before ≈2.5.5), and type and params when the server
 * replaced the requested type by AUTOINDEX (Zilliz Cloud does on some plans). The metric the server filled
 * in for an AUTOINDEX is reported, and counts as no change, since an unset metric means "the server's choice".
 */
function observe(d: IndexDescription, written: { indexType?: string }): Observed {
  const c = canonicalIndexFromDescribe(d);
  const forcedAuto = c.indexType === "AUTOINDEX" && written.indexType !== undefined && written.indexType !== "AUTOINDEX";
  return {
    fieldName: c.fieldName,
    indexName: c.indexName,
    ...(forcedAuto ? {} : { indexType: c.indexType }),
    ...(c.metricType ? { metricType: c.metricType } : {}),
    // The client reads a missing `indexParams` as an empty list: only a list with entries reports params.
    ...((d.indexParams ?? []).length === 0 || forcedAuto ? {} : { params: c.params }),
    indexState: d.indexState ?? "",
  };
}

function mismatches(p: IndexInputs, d: IndexDescription): Mismatch[] {
  const seen = observe(d, p);
  const out: Mismatch[] = [];
  const cmp = (property: string, existing: unknown, wanted: unknown) => existing !== undefined && !stableEqual(existing, wanted) && out.push({ property, existing, wanted });
  cmp("fieldName", seen.fieldName, p.fieldName);
  cmp("indexType", seen.indexType, p.indexType);
  if (p.metricType !== undefined) cmp("metricType", seen.metricType, p.metricType);
  if (seen.params !== undefined) cmp("params", canonicalMap(seen.params as Record<string, unknown>), canonicalMap(p.params));
  return out;
}

async function waitBuilt(ctx: RuntimeContext, mc: MilvusClient, p: IndexInputs): Promise<IndexDescription> {
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

/**
 * Loads a collection that waits for its indexes (this provider released it to drop an index, or its
 * Collection asked for `loaded: true` before any index existed), once all its vector fields are indexed,
 * and waits until it is loaded: whoever uses the collection after this `up` finds it queryable. `coll` is
 * the describe the create began with: the mark is set before any index create of this collection starts
 * (by the Collection create it depends on, or by the drop that precedes a replacement), so no second
 * describe is needed to see it.
 */
async function reloadIfPending(ctx: RuntimeContext, mc: MilvusClient, ref: Ref, p: IndexInputs, coll: CollectionDescription): Promise<void> {
  if (!(coll.properties ?? []).some((kv) => kv.key === PENDING_RELOAD_KEY && kv.value === "true")) return;
  try {
    await mc.collections.load(ref);
  } catch (e) {
    // Another vector field may still lack an index: its index resource will retry.
    ctx.log(`collection ${ref.collectionName}: not loaded yet (${errorText(e)})`);
    return;
  }
  await mc.collections.dropProperties({ ...ref, propertyKeys: [PENDING_RELOAD_KEY] });
  await waitFor({
    poll: () => mc.collections.getLoadState(ref),
    check: (s) => (s.loadState === "LoadStateLoaded" ? "done" : "pending"),
    timeoutMs: deadlineMs(p, DEFAULT_INDEX_WAIT_SECONDS),
    intervalMs: ctx.pollIntervalMs,
    description: `collection ${ref.collectionName} to load`,
  });
  ctx.log(`collection ${ref.collectionName}: loaded now that its vector fields are indexed`);
}

/** Sends the create; if its outcome is unknown, continues only when the index now exists as requested. */
async function createOnce(ctx: RuntimeContext, mc: MilvusClient, inputs: IndexInputs): Promise<void> {
  const send = () =>
    mc.indexes.create({
      ...collectionRef(inputs),
      indexParams: [{
        fieldName: inputs.fieldName, indexName: indexNameOf(inputs), indexType: inputs.indexType,
        ...(inputs.metricType !== undefined ? { metricType: inputs.metricType } : {}),
        ...(inputs.params !== undefined ? { params: inputs.params } : {}),
      }],
    });
  const lookUp = () => lookUpIndex(() => describeIndex(mc, inputs), (d) => mismatches(inputs, d).length === 0, indexNameOf(inputs));
  await createOrFind(ctx, { what: `index "${indexNameOf(inputs)}"`, send, lookUp, resendWhenAbsent: true, nextStep: indexNextStep(indexNameOf(inputs), inputs.collectionName) });
}

async function create(ctx: RuntimeContext, inputs: IndexInputs) {
  const mc = await milvusClient(ctx, inputs);
  const ref = collectionRef(inputs);
  const id = indexId(inputs);
  // Match the index to the real field type (check only knows it when fieldDataType is given). Right after the
  // collection's own create this describe is the one that create ended with (shared/fresh-describes).
  const coll = await describeFresh(mc, ref);
  const field = coll.fields.find((f) => f.name === inputs.fieldName);
  if (!field) throw new Error(`CollectionIndex: collection "${inputs.collectionName}" has no field "${inputs.fieldName}"`);
  const recheck = z.custom<IndexInputs>().superRefine(refineIndex).safeParse({ ...inputs, fieldDataType: field.type });
  if (!recheck.success) throw new Error(`CollectionIndex: ${recheck.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  // The describe lists the collection's indexes: only one that is there needs its own describe (adoption).
  const listed = coll.indexes == null || coll.indexes.some((i) => i.indexName === indexNameOf(inputs));
  const existing = listed ? await describeIndex(mc, inputs) : undefined;
  if (existing) {
    const diff = mismatches(inputs, existing);
    if (inputs.adopt !== true && diff.length > 0) {
      const what = diff.map((m) => `${m.property}: existing ${JSON.stringify(m.existing)}, wanted ${JSON.stringify(m.wanted)}`).join("; ");
      throw new Error(`CollectionIndex: index "${indexNameOf(inputs)}" already exists on "${inputs.collectionName}" with other settings (${what}); change the inputs to match it and set adopt: true to take it over, or choose another indexName`);
    }
    // The same index (an interrupted run built it, or it was made by hand): an index holds no data of its own, so
    // taking it over loses nothing.
    if (inputs.adopt !== true) ctx.log(`index ${indexNameOf(inputs)}: exists on "${inputs.collectionName}" exactly as requested; taking it over`);
    if (diff.length > 0) throw adoptRefusal(`index "${indexNameOf(inputs)}"`, diff);
  } else {
    await createOnce(ctx, mc, inputs);
  }
  // From here on the index exists: a failed or timed-out build keeps it in the stack.
  try {
    const d = inputs.waitForBuild === false ? await describeIndex(mc, inputs) : await waitBuilt(ctx, mc, inputs);
    await reloadIfPending(ctx, mc, ref, inputs, coll);
    return { id, observed: d ? observe(d, inputs) : {} };
  } catch (e) {
    const now = await describeIndex(mc, inputs).catch(() => undefined);
    throw new IncompleteError(id, now ? observe(now, inputs) : {}, { operation: "create", step: "wait for the build" }, e);
  }
}

async function read(ctx: RuntimeContext, id: string, state: IndexState): Promise<Observed | undefined> {
  // `CollectionIndex.get` passes only the target: the names come from the id then.
  const [db, coll, ...name] = id.split("/");
  const where: Where = {
    collectionName: state.collectionName ?? coll!, dbName: state.dbName ?? (db !== "default" ? db : undefined),
    fieldName: state.fieldName ?? name.join("/"), indexName: state.indexName ?? name.join("/"),
  };
  const mc = await milvusClient(ctx, { ...targetOf(state), dbName: where.dbName });
  let d: IndexDescription | undefined;
  try {
    d = await describeIndex(mc, where);
  } catch (e) {
    if (isNotFound(e)) return undefined;
    throw e;
  }
  return d ? observe(d, state) : undefined;
}

/**
 * Only two kinds of change reach update (everything about the index itself replaces it): settings of the
 * provider (no call), and a new collection name, which the index follows when its collection was renamed.
 */
async function update(ctx: RuntimeContext, _id: string, olds: IndexState, news: IndexInputs, plan: DiffPlan): Promise<Observed> {
  if (plan.updates.includes("clusterId") || plan.updates.includes("endpoint")) await checkRetarget(ctx, olds, news);
  const mc = await milvusClient(ctx, news);
  const d = await describeIndex(mc, news).catch((e: unknown) => {
    if (isNotFound(e)) return undefined;
    throw e;
  });
  if (!d || mismatches(news, d).length > 0) {
    throw new Error(
      `CollectionIndex: collection "${news.collectionName}" has no index "${indexNameOf(news)}" like this one. An index follows its collection when the collection is renamed; ` +
        "to move it to another collection, replace it: `pulumi up --replace <urn>` (the index is then built there).",
    );
  }
  if (news.waitForBuild !== false && d.indexState !== "Finished" && d.indexState !== undefined) return observe(await waitBuilt(ctx, mc, news), news);
  return observe(d, news);
}

async function remove(ctx: RuntimeContext, _id: string, state: IndexState): Promise<void> {
  const mc = await milvusClient(ctx, targetOf(state));
  const where: Where = { collectionName: state.collectionName!, dbName: state.dbName, fieldName: state.fieldName!, indexName: state.indexName };
  const ref = collectionRef(where);
  forgetDescribe(mc, ref);
  let loaded: boolean;
  try {
    loaded = (await mc.collections.getLoadState(ref)).loadState === "LoadStateLoaded";
  } catch (e) {
    if (isNotFound(e)) return; // the collection is gone, and its indexes with it
    throw e;
  }
  // Milvus refuses to drop the index of a loaded collection: release, drop, then reload if possible.
  if (loaded) await mc.collections.release(ref);
  try {
    await mc.indexes.drop({ ...ref, indexName: indexNameOf(where) });
  } catch (e) {
    if (!isNotFound(e)) {
      if (loaded) await mc.collections.load(ref).catch(() => undefined);
      throw e;
    }
  }
  if (loaded) {
    try {
      await mc.collections.load(ref);
    } catch {
      // Another index must be built first (a replacement): the next index create reloads the collection.
      await mc.collections.alterProperties({ ...ref, properties: { [PENDING_RELOAD_KEY]: "true" } });
      ctx.log(`collection ${ref.collectionName}: released to drop index ${indexNameOf(where)}; it will be reloaded once its vector fields are indexed again`);
    }
  }
  await waitFor({
    poll: () => describeIndex(mc, where),
    check: (d) => (d ? "pending" : "done"),
    timeoutMs: deadlineMs(state, DEFAULT_INDEX_WAIT_SECONDS),
    intervalMs: ctx.pollIntervalMs,
    description: `index ${indexNameOf(where)} to be dropped`,
  });
}

const ops: ResourceOps<IndexSpec> = { create, read, update, delete: remove };

/** The CollectionIndex resource. */
export const indexDefinition = defineResource({ kind: "CollectionIndex", spec: indexSpec, refine: refineIndex, adjustPlan: adjustIndexPlan, ops });
