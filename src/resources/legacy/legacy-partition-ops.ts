/** LegacyPartition operations against a Milvus 0.x web server (run time only). */
import { allowsDataLoss, dataLossRefusal } from "../shared/data-loss";
import { isNotFound, type LegacyMilvusClient } from "../../client";
import { IncompleteError } from "../shared/partial-state";
import { defineResource, type Observed, type ResourceOps } from "../shared/resource-definition";
import { createOrFind } from "../shared/outcome-unknown";
import type { RuntimeContext } from "../shared/runtime-context";
import { legacyClient, legacyEndpointOf, requireLegacyServer } from "./legacy-connection";
import {
  adjustLegacyPartitionPlan, legacyPartitionSpec, partitionId, refineLegacyPartition,
  type LegacyPartitionInputs, type LegacyPartitionSpec, type LegacyPartitionState,
} from "./legacy-partition-spec";

type Where = { collectionName: string; partitionTag: string };

/** Collection and tag from the state, else from the id (`LegacyPartition.get` passes only the endpoint). */
function whereOf(id: string, state: LegacyPartitionState): Where {
  const slash = id.indexOf("/");
  return { collectionName: state.collectionName ?? id.slice(0, slash), partitionTag: state.partitionTag ?? id.slice(slash + 1) };
}

/** True/false as the server lists the tags; undefined when the collection does not exist. */
async function exists(client: LegacyMilvusClient, w: Where): Promise<boolean | undefined> {
  try {
    return await client.hasPartition(w.collectionName, w.partitionTag);
  } catch (e) {
    if (isNotFound(e)) return undefined;
    throw e;
  }
}

const observe = (w: Where): Observed => ({ collectionName: w.collectionName, partitionTag: w.partitionTag });

async function create(ctx: RuntimeContext, inputs: LegacyPartitionInputs) {
  const endpoint = legacyEndpointOf(ctx, inputs);
  const client = legacyClient(ctx, inputs);
  await requireLegacyServer(client, endpoint);
  const id = partitionId(inputs);
  const found = await exists(client, inputs);
  if (found === undefined) throw new Error(`LegacyPartition: collection "${inputs.collectionName}" does not exist on ${endpoint}`);
  if (found) {
    if (inputs.adopt !== true) throw new Error(`LegacyPartition: "${inputs.collectionName}" already has a partition "${inputs.partitionTag}"; set adopt: true to take it over`);
    ctx.log(`legacy partition ${id}: adopting the existing partition`);
    return { id, observed: observe(inputs) };
  }
  await createOrFind(ctx, {
    what: `legacy partition ${id}`,
    send: () => client.createPartition(inputs.collectionName, inputs.partitionTag),
    // A lost answer: continue only if the partition is there now.
    lookUp: async () => ((await exists(client, inputs)) === true ? { found: true } : { absent: true }),
    resendWhenAbsent: false,
    nextStep: "run `pulumi up` again",
  });
  // From here on the partition exists: a failure keeps it in the stack.
  try {
    if ((await exists(client, inputs)) !== true) throw new Error(`partition ${id} was created but the server does not list it`);
    return { id, observed: observe(inputs) };
  } catch (e) {
    throw new IncompleteError(id, observe(inputs), { operation: "create", step: "list partitions" }, e);
  }
}

async function read(ctx: RuntimeContext, id: string, state: LegacyPartitionState): Promise<Observed | undefined> {
  const w = whereOf(id, state);
  // Gone when the collection is gone, or when the server's full list of tags does not hold it.
  return (await exists(legacyClient(ctx, state), w)) === true ? observe(w) : undefined;
}

/** Only provider settings reach update (every server setting replaces). */
async function update(ctx: RuntimeContext, id: string, olds: LegacyPartitionState, news: LegacyPartitionInputs): Promise<Observed> {
  const w = whereOf(id, olds);
  if ((await exists(legacyClient(ctx, news), w)) !== true) throw new Error(`LegacyPartition: ${id} no longer exists; run \`pulumi refresh\` to drop it from the stack`);
  return observe(w);
}

async function remove(ctx: RuntimeContext, id: string, state: LegacyPartitionState): Promise<void> {
  const client = legacyClient(ctx, state);
  const w = whereOf(id, state);
  let rows: number | undefined;
  try {
    rows = (await client.collectionStats(w.collectionName)).partitions.find((p) => p.tag === w.partitionTag)?.row_count;
  } catch (e) {
    if (isNotFound(e)) return; // the collection is gone, and its partitions with it
    throw e;
  }
  // The stats list every partition: one not listed is gone already.
  if (rows === undefined && (await exists(client, w)) !== true) return;
  if ((rows ?? 0) > 0 && !allowsDataLoss(ctx, state)) throw dataLossRefusal(`legacy partition "${w.partitionTag}" of "${w.collectionName}"`, `${rows} vectors`, "a replacement");
  await client.dropPartition(w.collectionName, w.partitionTag);
}

const ops: ResourceOps<LegacyPartitionSpec> = { create, read, update, delete: remove };

/** The LegacyPartition resource. */
export const legacyPartitionDefinition = defineResource({ kind: "LegacyPartition", spec: legacyPartitionSpec, refine: refineLegacyPartition, adjustPlan: adjustLegacyPartitionPlan, ops });
