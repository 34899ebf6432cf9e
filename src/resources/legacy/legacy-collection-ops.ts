/** LegacyCollection operations against a Milvus 0.x web server (run time only). */
import { allowsDataLoss, dataLossRefusal } from "../shared/data-loss";
import { isNotFound, waitFor, type LegacyCollection, type LegacyMilvusClient } from "../../client";
import { IncompleteError } from "../shared/partial-state";
import { defineResource, type Observed, type ResourceOps } from "../shared/resource-definition";
import { createOrFind } from "../shared/outcome-unknown";
import { adoptRefusal, type Mismatch, type RuntimeContext } from "../shared/runtime-context";
import {
  adjustLegacyCollectionPlan, collectionBody, legacyCollectionSpec, refineLegacyCollection,
  type LegacyCollectionInputs, type LegacyCollectionSpec, type LegacyCollectionState,
} from "./legacy-collection-spec";
import { legacyClient, legacyEndpointOf, requireLegacyServer } from "./legacy-connection";

/** How long a drop may take to show (a 0.x server drops in the background). */
const DROP_WAIT_MS = 60_000;

/** The collection, or undefined when the server says it does not exist. */
async function describe(client: LegacyMilvusClient, name: string): Promise<LegacyCollection | undefined> {
  try {
    return await client.describeCollection(name);
  } catch (e) {
    if (isNotFound(e)) return undefined;
    throw e;
  }
}

/** What the server reports, as spec properties (row count and index are left out: they move with data). */
function observe(c: LegacyCollection): Observed {
  return {
    collectionName: c.collection_name,
    ...(c.dimension !== undefined ? { dimension: c.dimension } : {}),
    ...(c.index_file_size !== undefined ? { indexFileSize: c.index_file_size } : {}),
    ...(c.metric_type !== undefined ? { metricType: c.metric_type } : {}),
  };
}

/** Settings of an existing collection that differ from the inputs (none of them can change in place). */
function mismatches(inputs: LegacyCollectionInputs, c: LegacyCollection): Mismatch[] {
  const out: Mismatch[] = [];
  const cmp = (property: string, existing: unknown, wanted: unknown) => existing !== undefined && existing !== wanted && out.push({ property, existing, wanted });
  cmp("dimension", c.dimension, inputs.dimension);
  cmp("indexFileSize", c.index_file_size, inputs.indexFileSize ?? 1024);
  cmp("metricType", c.metric_type, inputs.metricType ?? "L2");
  return out;
}

async function create(ctx: RuntimeContext, inputs: LegacyCollectionInputs) {
  const endpoint = legacyEndpointOf(ctx, inputs);
  const client = legacyClient(ctx, inputs);
  await requireLegacyServer(client, endpoint);
  const name = inputs.collectionName;
  const existing = await describe(client, name);
  if (existing && inputs.adopt !== true) throw new Error(`LegacyCollection: "${name}" already exists on ${endpoint}; set adopt: true to take it over, or choose another collectionName`);
  if (existing) {
    const diff = mismatches(inputs, existing);
    if (diff.length > 0) throw adoptRefusal(`legacy collection "${name}"`, diff);
    ctx.log(`legacy collection ${name}: adopting the existing collection`);
    return { id: name, observed: observe(existing) };
  }
  await createOrFind(ctx, {
    what: `legacy collection "${name}"`,
    send: () => client.createCollection(collectionBody(inputs)),
    // A lost answer: the collection may exist now. Continue with it only if it has exactly our settings.
    lookUp: async () => {
      const now = await describe(client, name);
      if (!now) return { absent: true };
      return mismatches(inputs, now).length === 0 ? { found: true } : { unknowable: "a collection of that name exists with other settings" };
    },
    resendWhenAbsent: false,
    nextStep: "look at the server's collections; run `pulumi up` again if there is none of that name",
  });
  // From here on the collection exists: a failure keeps it in the stack.
  try {
    const now = await describe(client, name);
    if (!now) throw new Error(`legacy collection ${name} was created but the server does not show it`);
    return { id: name, observed: observe(now) };
  } catch (e) {
    throw new IncompleteError(name, { collectionName: name }, { operation: "create", step: "describe" }, e);
  }
}

async function read(ctx: RuntimeContext, id: string, state: LegacyCollectionState): Promise<Observed | undefined> {
  // `LegacyCollection.get` passes only the endpoint: the name is the id then.
  const c = await describe(legacyClient(ctx, state), state.collectionName ?? id);
  return c ? observe(c) : undefined;
}

/** Only provider settings reach update (every server setting replaces): report what the server has. */
async function update(ctx: RuntimeContext, id: string, olds: LegacyCollectionState, news: LegacyCollectionInputs): Promise<Observed> {
  const c = await describe(legacyClient(ctx, news), olds.collectionName ?? id);
  if (!c) throw new Error(`LegacyCollection: "${olds.collectionName ?? id}" no longer exists; run \`pulumi refresh\` to drop it from the stack, then \`pulumi up\` to create it again`);
  return observe(c);
}

async function remove(ctx: RuntimeContext, id: string, state: LegacyCollectionState): Promise<void> {
  const client = legacyClient(ctx, state);
  const name = state.collectionName ?? id;
  let rows: number;
  try {
    rows = (await client.collectionStats(name)).row_count;
  } catch (e) {
    if (isNotFound(e)) return;
    throw e;
  }
  if (rows > 0 && !allowsDataLoss(ctx, state)) throw dataLossRefusal(`legacy collection "${name}"`, `${rows} vectors`, "a replacement (the 0.x API changes nothing in place)");
  try {
    await client.dropCollection(name);
  } catch (e) {
    if (isNotFound(e)) return;
    throw e;
  }
  await waitFor({
    poll: () => describe(client, name),
    check: (c) => (c ? "pending" : "done"),
    timeoutMs: DROP_WAIT_MS,
    intervalMs: ctx.pollIntervalMs,
    description: `legacy collection ${name} to be dropped`,
  });
}

const ops: ResourceOps<LegacyCollectionSpec> = { create, read, update, delete: remove };

/** The LegacyCollection resource. */
export const legacyCollectionDefinition = defineResource({ kind: "LegacyCollection", spec: legacyCollectionSpec, refine: refineLegacyCollection, adjustPlan: adjustLegacyCollectionPlan, ops });
