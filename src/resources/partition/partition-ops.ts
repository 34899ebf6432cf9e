/** Partition operations against the Milvus REST v2 data plane (run time only). */
import { allowsDataLoss, dataLossRefusal } from "../shared/data-loss";
import { isNotFound, waitFor, type MilvusClient } from "../../client";
import { collectionRef, milvusClient, targetOf } from "../shared/data-plane-target";
import { IncompleteError } from "../shared/partial-state";
import type { DiffPlan } from "../shared/plan";
import { defineResource, type Observed, type ResourceOps } from "../shared/resource-definition";
import { deadlineMs, type RuntimeContext } from "../shared/runtime-context";
import { DEFAULT_PARTITION_WAIT_SECONDS, partitionSpec, refinePartition, type PartitionInputs, type PartitionSpec, type PartitionState } from "./partition-spec";

type Where = { collectionName: string; partitionName: string; dbName?: string };

/** The id: `<dbName>/<collectionName>/<partitionName>` (as created; the partition follows a collection rename). */
export function partitionId(p: Where): string {
  return `${p.dbName ?? "default"}/${p.collectionName}/${p.partitionName}`;
}

/** The names from the state, or from the id when `Partition.get` gave only the target. */
function whereOf(id: string, state: PartitionState): Where {
  const [db, coll, ...name] = id.split("/");
  const dbName = state.dbName ?? (db !== "default" ? db : undefined);
  return { collectionName: state.collectionName ?? coll!, partitionName: state.partitionName ?? name.join("/"), ...(dbName ? { dbName } : {}) };
}

/** Whether the partition exists; a missing collection (100) counts as a confirmed not-found too. */
async function exists(mc: MilvusClient, w: Where): Promise<boolean> {
  try {
    return await mc.partitions.has({ ...collectionRef(w), partitionName: w.partitionName });
  } catch (e) {
    if (isNotFound(e)) return false;
    throw e;
  }
}

async function isLoaded(mc: MilvusClient, w: Where): Promise<boolean> {
  return (await mc.collections.getLoadState({ ...collectionRef(w), partitionNames: [w.partitionName] })).loadState !== "LoadStateNotLoad";
}

/**
 * The partition as the server has it, or `undefined` when it is confirmed gone. One call (`partitions/has`)
 * while `loaded` is not managed; a second (`get_load_state`) when it is. A missing partition cannot be
 * told from `get_load_state` alone: its "partition not found" code is 200, which the client must read as
 * success for Milvus 2.4.0–2.4.3.
 */
async function look(mc: MilvusClient, w: Where, withLoad: boolean): Promise<Observed | undefined> {
  if (!(await exists(mc, w))) return undefined;
  return { collectionName: w.collectionName, partitionName: w.partitionName, ...(withLoad ? { loaded: await isLoaded(mc, w) } : {}) };
}

async function setLoaded(ctx: RuntimeContext, mc: MilvusClient, w: Where & { waitTimeoutSeconds?: number }, loaded: boolean): Promise<void> {
  const req = { ...collectionRef(w), partitionNames: [w.partitionName] };
  if (!loaded) {
    await mc.partitions.release(req);
    return;
  }
  await mc.partitions.load(req);
  await waitFor({
    poll: () => mc.collections.getLoadState(req),
    check: (s) => (s.loadState === "LoadStateLoaded" ? "done" : s.loadState === "LoadStateNotLoad" ? { failed: "the load was dropped by the server" } : "pending"),
    timeoutMs: deadlineMs(w, DEFAULT_PARTITION_WAIT_SECONDS),
    intervalMs: ctx.pollIntervalMs,
    description: `partition ${w.partitionName} to load`,
  });
}

async function create(ctx: RuntimeContext, inputs: PartitionInputs) {
  const mc = await milvusClient(ctx, inputs);
  const id = partitionId(inputs);
  // Only the names go on the wire (the inputs also hold the token).
  const w: Where = { ...collectionRef(inputs), partitionName: inputs.partitionName };
  const exists = await mc.partitions.has(w);
  if (exists && inputs.adopt !== true) throw new Error(`Partition: collection "${inputs.collectionName}" already has a partition "${inputs.partitionName}"; set adopt: true to take it over`);
  if (!exists) await mc.partitions.create(w);
  // From here on the partition exists: a failed load keeps it in the stack.
  const managed = inputs.loaded !== undefined;
  try {
    if (managed && (await isLoaded(mc, w)) !== inputs.loaded) await setLoaded(ctx, mc, inputs, inputs.loaded!);
    const observed = await look(mc, w, managed);
    if (!observed) throw new Error(`partition ${inputs.partitionName} disappeared right after it was created`);
    return { id, observed };
  } catch (e) {
    const observed = await look(mc, w, managed).catch(() => undefined);
    throw new IncompleteError(id, observed ?? {}, { operation: "create", step: managed ? "load" : "describe" }, e);
  }
}

async function read(ctx: RuntimeContext, id: string, state: PartitionState): Promise<Observed | undefined> {
  const w = whereOf(id, state);
  const mc = await milvusClient(ctx, { ...targetOf(state), dbName: w.dbName });
  return look(mc, w, state.loaded !== undefined);
}

/** In place: follow a renamed collection (checked), and load or release. */
async function update(ctx: RuntimeContext, _id: string, _olds: PartitionState, news: PartitionInputs, plan: DiffPlan): Promise<Observed> {
  const mc = await milvusClient(ctx, news);
  const w: Where = { ...collectionRef(news), partitionName: news.partitionName };
  const current = await look(mc, w, news.loaded !== undefined);
  if (current === undefined) {
    throw new Error(
      `Partition: collection "${news.collectionName}" has no partition "${news.partitionName}". A partition follows its collection when the collection is renamed; ` +
        `to move it to another collection, add the resource option replaceOnChanges: ["collectionName"] (it is then created there).`,
    );
  }
  if (plan.updates.includes("loaded") && news.loaded !== undefined && news.loaded !== current.loaded) {
    await setLoaded(ctx, mc, news, news.loaded);
    return { ...current, loaded: news.loaded };
  }
  return current;
}

async function remove(ctx: RuntimeContext, id: string, state: PartitionState): Promise<void> {
  const w = whereOf(id, state);
  const mc = await milvusClient(ctx, { ...targetOf(state), dbName: w.dbName });
  if (!(await exists(mc, w))) return; // the partition (or its collection) is gone
  const rows = Number((await mc.partitions.getStats(w)).rowCount);
  if (rows > 0 && !allowsDataLoss(ctx, state)) {
    throw dataLossRefusal(`partition "${w.partitionName}" of "${w.collectionName}"`, `${rows} entities`, "a replacement");
  }
  // Milvus refuses to drop a loaded partition: release it first.
  if (await isLoaded(mc, w)) await mc.partitions.release({ ...collectionRef(w), partitionNames: [w.partitionName] });
  await mc.partitions.drop(w);
}

/** A create that failed loading: load (or release) as the inputs say. */
const resume: ResourceOps<PartitionSpec>["resume"] = (ctx, id, state, news) => update(ctx, id, state, news, { changes: true, replaces: [], deleteBeforeReplace: false, updates: ["loaded"], resume: true });

const ops: ResourceOps<PartitionSpec> = { create, read, update, delete: remove, resume };

/** The Partition resource. */
export const partitionDefinition = defineResource({ kind: "Partition", spec: partitionSpec, refine: refinePartition, ops });
