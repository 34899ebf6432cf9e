/** Collection operations against the Milvus REST v2 data plane (run time only); REST v1 in collection-v1-ops. */
import { isAlreadyExists, isNotFound, waitFor, type CollectionDescription, type MilvusClient } from "../../client";
import { canonicalMap } from "../shared/canonical-map";
import { checkRetarget, collectionRef, milvusClient, targetOf } from "../shared/data-plane-target";
import { allowsDataLoss, dataLossRefusal } from "../shared/data-loss";
import { IncompleteError } from "../shared/partial-state";
import { VECTOR_TYPES } from "../shared/field-types";
import { DESCRIPTION_KEY, PENDING_RELOAD_KEY, RESERVED_KEYS } from "../shared/reserved-properties";
import type { DiffPlan } from "../shared/plan";
import { defineResource, type Observed, type ResourceOps } from "../shared/resource-definition";
import { createOrFind } from "../shared/outcome-unknown";
import { forgetDescribe, rememberDescribe } from "../shared/fresh-describes";
import { adoptRefusal, deadlineMs, type Mismatch, type RuntimeContext } from "../shared/runtime-context";
import { stableEqual } from "../shared/stable-equal";
import { sameFields } from "./collection-canonical";
import { canonicalFunctions, fromDescribedFunctions, type FunctionInput } from "./collection-functions";
import {
  adjustCollectionPlan, collectionSpec, DEFAULT_COLLECTION_WAIT_SECONDS, refineCollection, type CollectionInputs, type CollectionSpec, type CollectionState, type FieldInput,
} from "./collection-spec";
import { collectionNextStep, isEmptyTwin, lookUpCollection } from "./collection-recovery";
import { v1Ops } from "./collection-v1-ops";
import { describedProperties, fromDescribedField, toWireField } from "./collection-wire";

/** Property keys the server refuses to change while the collection is loaded. */
const NEEDS_RELEASE = /^(mmap\.enabled|lazyload\.enabled|warmup)/;

type Ref = { collectionName: string; dbName?: string };

/** The id: `<dbName>/<collectionName>` at creation (a later rename keeps the id; state holds the name). */
export function collectionId(p: { dbName?: string; collectionName: string }): string {
  return `${p.dbName ?? "default"}/${p.collectionName}`;
}

const LOAD_STATES: Record<string, string> = { LoadStateLoaded: "Loaded", LoadStateLoading: "Loading", LoadStateNotLoad: "NotLoaded" };

/** The described schema in the input shape (functions only when there are any). */
function schemaOf(d: CollectionDescription): { fields: FieldInput[]; functions?: FunctionInput[] } {
  const functions = fromDescribedFunctions(d);
  return { fields: d.fields.map(fromDescribedField), ...(functions ? { functions } : {}) };
}

/**
 * What the server reports, as spec properties. `properties` covers only the keys the stack manages (others
 * on the server are not ours); `loaded` only when the load state is settled. One describe call.
 */
function observe(d: CollectionDescription, managed: Record<string, unknown> | undefined, loadState: string): Observed {
  const props = describedProperties(d);
  const observed: Observed = {
    collectionName: d.collectionName,
    description: props[DESCRIPTION_KEY] ?? d.description ?? "",
    schema: schemaOf(d),
    enableDynamicField: d.enableDynamicField ?? false,
    ...(d.shardsNum !== undefined ? { shardsNum: d.shardsNum } : {}),
    ...(d.consistencyLevel ? { consistencyLevel: d.consistencyLevel } : {}),
    collectionId: d.collectionID ?? "",
    loadState: LOAD_STATES[loadState] ?? "NotLoaded",
  };
  if (managed !== undefined) observed.properties = Object.fromEntries(Object.keys(managed).filter((k) => props[k] !== undefined && !RESERVED_KEYS.includes(k)).map((k) => [k, props[k]]));
  if (loadState === "LoadStateLoaded" || loadState === "LoadStateNotLoad") observed.loaded = loadState === "LoadStateLoaded";
  return observed;
}

/** The collection as it is now (describe carries the load state; `""` means its lookup failed, so ask). */
async function look(mc: MilvusClient, ref: Ref, managed: Record<string, unknown> | undefined, remember = false): Promise<Observed> {
  const d = await mc.collections.describe(ref);
  // A create's last describe is what its first index create needs too (shared/fresh-describes).
  if (remember) rememberDescribe(mc, ref, d);
  const load = d.load || (await mc.collections.getLoadState(ref)).loadState;
  return observe(d, managed, load);
}

/** What a load request came to: loaded now, or deferred until the collection's indexes exist. */
type LoadOutcome = "done" | "deferred";

/**
 * The collection's vector fields that have no index yet (a load needs one on each). A server whose describe
 * does not list indexes reports none missing: the load is then tried, and fails with the server's reason.
 */
async function unindexedVectorFields(mc: MilvusClient, ref: Ref): Promise<{ missing: string[]; pending: boolean }> {
  const d = await mc.collections.describe(ref);
  const indexed = new Set((d.indexes ?? []).map((i) => i.fieldName));
  const missing = d.indexes == null ? [] : d.fields.filter((f) => (VECTOR_TYPES as readonly string[]).includes(f.type) && !indexed.has(f.name)).map((f) => f.name);
  return { missing, pending: describedProperties(d)[PENDING_RELOAD_KEY] === "true" };
}

/**
 * Loads or releases, waiting until loaded. A load asked for before every vector field has an index (a
 * collection and its indexes in one program: the indexes are created after the collection, because they
 * depend on it) is not an error: the request is recorded on the collection (the reserved property
 * `PENDING_RELOAD_KEY`) and the index create that completes the set loads it.
 */
async function setLoaded(ctx: RuntimeContext, mc: MilvusClient, ref: Ref, loaded: boolean, p: CollectionInputs): Promise<LoadOutcome> {
  const { missing, pending } = await unindexedVectorFields(mc, ref);
  if (!loaded) {
    // A load still waiting for an index is withdrawn with the release.
    if (pending) await mc.collections.dropProperties({ ...ref, propertyKeys: [PENDING_RELOAD_KEY] });
    await mc.collections.release(ref);
    return "done";
  }
  if (missing.length > 0) {
    if (!pending) await mc.collections.alterProperties({ ...ref, properties: { [PENDING_RELOAD_KEY]: "true" } });
    ctx.log(`collection ${ref.collectionName}: no index yet on ${missing.join(", ")}; it will be loaded when its CollectionIndex resources are built`);
    return "deferred";
  }
  await mc.collections.load(ref);
  if (pending) await mc.collections.dropProperties({ ...ref, propertyKeys: [PENDING_RELOAD_KEY] });
  await waitFor({
    poll: () => mc.collections.getLoadState(ref),
    check: (s) => (s.loadState === "LoadStateLoaded" ? "done" : "pending"),
    timeoutMs: deadlineMs(p, DEFAULT_COLLECTION_WAIT_SECONDS),
    intervalMs: ctx.pollIntervalMs,
    description: `collection ${ref.collectionName} to load`,
    onProgress: (s, ms) => ctx.log(`collection ${ref.collectionName}: ${s.loadState} ${s.loadProgress ?? 0}% (${Math.round(ms / 1000)} s)`),
  });
  return "done";
}

/** What was observed, minus `loaded` while a load waits for indexes (the state keeps the program's `true`). */
function withDeferredLoad(observed: Observed, outcome: LoadOutcome): Observed {
  if (outcome === "deferred") delete observed.loaded;
  return observed;
}

/** Applies changed and removed property keys, releasing around the keys a loaded collection refuses. */
async function applyProperties(ctx: RuntimeContext, mc: MilvusClient, ref: Ref, before: Record<string, unknown> | undefined, after: CollectionInputs): Promise<void> {
  const was = canonicalMap(before);
  const want = canonicalMap(after.properties);
  const removed = Object.keys(was).filter((k) => !(k in want));
  const changed = Object.fromEntries(Object.entries(want).filter(([k, v]) => was[k] !== v));
  if (removed.length + Object.keys(changed).length === 0) return;
  const release = [...removed, ...Object.keys(changed)].some((k) => NEEDS_RELEASE.test(k)) && (await mc.collections.getLoadState(ref)).loadState === "LoadStateLoaded";
  if (release) await mc.collections.release(ref);
  if (removed.length > 0) await mc.collections.dropProperties({ ...ref, propertyKeys: removed });
  if (Object.keys(changed).length > 0) await mc.collections.alterProperties({ ...ref, properties: changed });
  if (release) await setLoaded(ctx, mc, ref, true, after);
}

/** Settings of an existing collection that cannot change in place: adopting it needs them to match. */
function adoptMismatches(inputs: CollectionInputs, seen: Observed): Mismatch[] {
  const out: Mismatch[] = [];
  const { fields, functions } = seen.schema as { fields: FieldInput[]; functions?: FunctionInput[] };
  if (!sameFields(inputs.schema.fields, fields)) out.push({ property: "schema.fields", existing: fields, wanted: inputs.schema.fields });
  if (!stableEqual(canonicalFunctions(inputs.schema.functions), canonicalFunctions(functions))) out.push({ property: "schema.functions", existing: functions ?? [], wanted: inputs.schema.functions ?? [] });
  const want = (k: "enableDynamicField" | "shardsNum" | "consistencyLevel", dflt?: unknown) => {
    const wanted = inputs[k] ?? dflt;
    if (wanted !== undefined && !stableEqual(seen[k], wanted)) out.push({ property: k, existing: seen[k], wanted });
  };
  want("enableDynamicField", false);
  want("shardsNum");
  want("consistencyLevel");
  return out;
}

/** Brings description, properties and load state to the program's values (create, adopt). */
async function converge(ctx: RuntimeContext, mc: MilvusClient, ref: Ref, inputs: CollectionInputs, seen: Observed, step: { now: string }): Promise<LoadOutcome> {
  if (inputs.description !== undefined && seen.description !== inputs.description) {
    step.now = "set description";
    await mc.collections.alterProperties({ ...ref, properties: { [DESCRIPTION_KEY]: inputs.description } });
  }
  if (inputs.properties !== undefined) {
    step.now = "apply properties";
    await applyProperties(ctx, mc, ref, seen.properties as Record<string, unknown> | undefined, inputs);
  }
  if (inputs.loaded !== undefined && seen.loaded !== inputs.loaded) {
    step.now = inputs.loaded ? "load" : "release";
    return setLoaded(ctx, mc, ref, inputs.loaded, inputs);
  }
  return "done";
}

/**
 * What a collection just created from `inputs` has, as far as converge compares: the description sent with
 * the create, no properties, and not loaded (a create without index parameters loads nothing). Saves the
 * describe a fresh create would otherwise spend before converging; the describe after converging stays.
 */
function freshlyCreated(inputs: CollectionInputs): Observed {
  return { description: inputs.description ?? "", properties: {}, loaded: false };
}

const alreadyExists = (name: string) =>
  new Error(`Collection: "${name}" already exists (with entities or another spec, so not an interrupted run's); set adopt: true to take it over, or choose another collectionName`);

async function create(ctx: RuntimeContext, inputs: CollectionInputs) {
  if (inputs.apiVersion === "v1") return v1Ops.create(ctx, inputs, collectionId(inputs));
  const mc = await milvusClient(ctx, inputs);
  const ref = collectionRef(inputs);
  const id = collectionId(inputs);
  // Milvus answers a create of an existing collection with the same schema with success, so a takeover
  // would go unnoticed: look first, and take an existing collection over only when asked to.
  const exists = await mc.collections.has(ref);
  const sameSpec = async () => adoptMismatches(inputs, await look(mc, ref, inputs.properties)).length === 0;
  if (exists && inputs.adopt !== true && !(await isEmptyTwin(ctx, mc, ref, sameSpec))) throw alreadyExists(ref.collectionName);
  // What converge compares the program with: the looked-up collection, or (fresh create) what was just sent.
  let seen: Observed;
  if (exists) {
    seen = await look(mc, ref, inputs.properties);
    const mismatches = adoptMismatches(inputs, seen);
    if (mismatches.length > 0) throw adoptRefusal(`collection "${ref.collectionName}"`, mismatches);
    ctx.log(`collection ${id}: adopting the existing collection`);
  } else {
    const params = { ...(inputs.shardsNum !== undefined ? { shardsNum: inputs.shardsNum } : {}), ...(inputs.consistencyLevel !== undefined ? { consistencyLevel: inputs.consistencyLevel } : {}) };
    const fields = inputs.schema.fields;
    const functions = (inputs.schema.functions ?? []).map((fn) => ({ name: fn.name, type: fn.type, inputFieldNames: fn.inputFieldNames, outputFieldNames: fn.outputFieldNames, ...(fn.params ? { params: fn.params } : {}) }));
    const send = () =>
      mc.collections.create({
        ...ref,
        ...(inputs.description !== undefined ? { description: inputs.description } : {}),
        schema: { autoID: fields.some((f) => f.isPrimary && f.autoId), enableDynamicField: inputs.enableDynamicField ?? false, fields: fields.map(toWireField), ...(functions.length > 0 ? { functions } : {}) },
        ...(Object.keys(params).length > 0 ? { params } : {}),
      });
    try {
      // A lost answer: continue only with a collection of exactly the requested spec (shared/outcome-unknown).
      const lookUp = () => lookUpCollection(mc, ref, sameSpec);
      const outcome = await createOrFind(ctx, { what: `collection "${ref.collectionName}"`, send, lookUp, resendWhenAbsent: true, nextStep: collectionNextStep(ref.collectionName) });
      seen = "sent" in outcome ? freshlyCreated(inputs) : await look(mc, ref, inputs.properties);
    } catch (e) {
      if (isAlreadyExists(e)) throw alreadyExists(ref.collectionName);
      throw e;
    }
  }
  // From here on the collection exists: a failure keeps it in the stack with what was observed.
  const step = { now: "describe" };
  try {
    const load = await converge(ctx, mc, ref, inputs, seen, step);
    return { id, observed: withDeferredLoad(await look(mc, ref, inputs.properties, true), load) };
  } catch (e) {
    throw new IncompleteError(id, await look(mc, ref, inputs.properties).catch(() => ({})), { operation: "create", step: step.now }, e);
  }
}

async function read(ctx: RuntimeContext, id: string, state: CollectionState): Promise<Observed | undefined> {
  // `Collection.get` passes only the target: the name comes from the id then.
  const [db, ...rest] = id.split("/");
  const ref = collectionRef({ collectionName: state.collectionName ?? rest.join("/"), dbName: state.dbName ?? (db !== "default" ? db : undefined) });
  if (state.apiVersion === "v1") return v1Ops.read(ctx, { ...state, ...ref });
  const mc = await milvusClient(ctx, { ...targetOf(state), dbName: ref.dbName });
  try {
    return await look(mc, ref, state.properties);
  } catch (e) {
    if (isNotFound(e)) return undefined;
    throw e;
  }
}

async function update(ctx: RuntimeContext, id: string, olds: CollectionState, news: CollectionInputs, plan: DiffPlan): Promise<Observed> {
  // Over v1 only local settings change in place (the plan replaces everything else).
  if (news.apiVersion === "v1") return {};
  if (plan.updates.includes("clusterId") || plan.updates.includes("endpoint")) await checkRetarget(ctx, olds, news);
  const mc = await milvusClient(ctx, news);
  let ref = collectionRef({ collectionName: olds.collectionName ?? news.collectionName, dbName: news.dbName });
  forgetDescribe(mc, ref);
  const step = { now: "describe" };
  let load: LoadOutcome = "done";
  try {
    for (const key of plan.updates) {
      step.now = `update ${key}`;
      if (key === "collectionName" && ref.collectionName !== news.collectionName) {
        await mc.collections.rename({ ...ref, newCollectionName: news.collectionName });
        ref = collectionRef(news);
      } else if (key === "description") {
        await mc.collections.alterProperties({ ...ref, properties: { [DESCRIPTION_KEY]: news.description ?? "" } });
      } else if (key === "properties") {
        await applyProperties(ctx, mc, ref, olds.properties, news);
      } else if (key === "schema") {
        const have = new Set(((olds.schema as { fields?: FieldInput[] } | undefined)?.fields ?? []).map((f) => f.name));
        for (const f of news.schema.fields) if (!have.has(f.name)) await mc.collections.addField({ ...ref, schema: toWireField(f) });
      } else if (key === "loaded" && news.loaded !== undefined) {
        load = await setLoaded(ctx, mc, ref, news.loaded, news);
      }
    }
    return withDeferredLoad(await look(mc, ref, news.properties ?? olds.properties), load);
  } catch (e) {
    throw new IncompleteError(id, await look(mc, ref, olds.properties).catch(() => ({ collectionName: ref.collectionName })), { operation: "update", step: step.now }, e);
  }
}

/** Refuses to drop a collection holding entities unless the user opted in. */
async function guardDataLoss(ctx: RuntimeContext, mc: MilvusClient, ref: Ref, state: CollectionState): Promise<void> {
  if (allowsDataLoss(ctx, state)) return;
  const rows = Number((await mc.collections.getStats(ref)).rowCount);
  if (rows > 0) throw dataLossRefusal(`collection "${ref.collectionName}"`, `${rows} entities`, "a replacement (a schema change that cannot be applied in place)");
}

async function remove(ctx: RuntimeContext, _id: string, state: CollectionState): Promise<void> {
  if (state.apiVersion === "v1") return v1Ops.delete(ctx, state);
  const mc = await milvusClient(ctx, targetOf(state));
  const ref = collectionRef({ collectionName: state.collectionName!, dbName: state.dbName });
  forgetDescribe(mc, ref);
  try {
    await guardDataLoss(ctx, mc, ref, state);
    await mc.collections.drop(ref);
  } catch (e) {
    if (isNotFound(e)) return;
    throw e;
  }
  await waitFor({
    poll: () => mc.collections.has(ref),
    check: (has) => (has ? "pending" : "done"),
    timeoutMs: deadlineMs(state, DEFAULT_COLLECTION_WAIT_SECONDS),
    intervalMs: ctx.pollIntervalMs,
    description: `collection ${ref.collectionName} to be dropped`,
  });
}

const ops: ResourceOps<CollectionSpec> = { create, read, update, delete: remove };

/** The Collection resource. */
export const collectionDefinition = defineResource({ kind: "Collection", spec: collectionSpec, refine: refineCollection, adjustPlan: adjustCollectionPlan, ops });
