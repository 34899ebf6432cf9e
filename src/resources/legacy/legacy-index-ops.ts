/** LegacyIndex operations against a Milvus 0.x web server (run time only). */
import { isNotFound, legacyIndexProblems, type LegacyMilvusClient } from "../../client";
import { canonicalMap } from "../shared/canonical-map";
import { IncompleteError } from "../shared/partial-state";
import { defineResource, type Observed, type ResourceOps } from "../shared/resource-definition";
import { createOrFind } from "../shared/outcome-unknown";
import { adoptRefusal, type Mismatch, type RuntimeContext } from "../shared/runtime-context";
import { stableEqual } from "../shared/stable-equal";
import { legacyClient, legacyEndpointOf, requireLegacyServer } from "./legacy-connection";
import {
  adjustLegacyIndexPlan, legacyIndexSpec, paramsOf, refineLegacyIndex, type LegacyIndexInputs, type LegacyIndexSpec, type LegacyIndexState,
} from "./legacy-index-spec";

type ServerIndex = { index_type: string; params: Record<string, unknown> };

/** The collection's index, or undefined when the collection does not exist. */
async function getIndex(client: LegacyMilvusClient, name: string): Promise<ServerIndex | undefined> {
  try {
    return await client.getIndex(name);
  } catch (e) {
    if (isNotFound(e)) return undefined;
    throw e;
  }
}

/**
 * What the server reports, as spec properties. Only the parameters the type takes are kept: a collection
 * without an index shows `FLAT` with the server's `{"nlist":16384}`, which is no setting of ours.
 */
function observe(name: string, ix: ServerIndex): Observed {
  const keys = paramsOf(ix.index_type);
  const params = Object.fromEntries(Object.entries(ix.params).filter(([k]) => keys.includes(k)).map(([k, v]) => [k, typeof v === "string" && /^-?\d+$/.test(v) ? Number(v) : v]));
  return { collectionName: name, indexType: ix.index_type, params };
}

function mismatches(inputs: LegacyIndexInputs, seen: Observed): Mismatch[] {
  const out: Mismatch[] = [];
  if (seen.indexType !== inputs.indexType) out.push({ property: "indexType", existing: seen.indexType, wanted: inputs.indexType });
  if (!stableEqual(canonicalMap(seen.params as Record<string, unknown>), canonicalMap(inputs.params))) out.push({ property: "params", existing: seen.params, wanted: inputs.params ?? {} });
  return out;
}

async function create(ctx: RuntimeContext, inputs: LegacyIndexInputs) {
  const endpoint = legacyEndpointOf(ctx, inputs);
  const client = legacyClient(ctx, inputs);
  await requireLegacyServer(client, endpoint);
  const name = inputs.collectionName;
  let collection;
  try {
    collection = await client.describeCollection(name);
  } catch (e) {
    if (isNotFound(e)) throw new Error(`LegacyIndex: collection "${name}" does not exist on ${endpoint}`);
    throw e;
  }
  // The checks that need the collection: IVFPQ's m against the dimension, index types of binary metrics.
  const problems = legacyIndexProblems(inputs.indexType, inputs.params ?? {}, { metricType: collection.metric_type, dimension: collection.dimension });
  if (problems.length > 0) throw new Error(`LegacyIndex on "${name}": ${problems.join("; ")}`);
  const existing = await getIndex(client, name);
  // FLAT is what a collection without an index shows: there is nothing to take over then.
  if (existing && existing.index_type !== "FLAT") {
    const seen = observe(name, existing);
    const diff = mismatches(inputs, seen);
    if (inputs.adopt !== true) {
      throw new Error(`LegacyIndex: collection "${name}" already has an ${existing.index_type} index; set adopt: true to take it over${diff.length > 0 ? " (its settings must match)" : ""}`);
    }
    if (diff.length > 0) throw adoptRefusal(`the index of legacy collection "${name}"`, diff);
    ctx.log(`legacy index on ${name}: adopting the existing ${existing.index_type} index`);
    return { id: name, observed: seen };
  }
  await createOrFind(ctx, {
    what: `legacy index on ${name}`,
    send: () => client.createIndex(name, { index_type: inputs.indexType, params: inputs.params ?? {} }),
    lookUp: async () => {
      const now = await getIndex(client, name);
      return now && mismatches(inputs, observe(name, now)).length === 0 ? { found: true } : { unknowable: "the collection's index is not the requested one" };
    },
    resendWhenAbsent: false,
    nextStep: "look at the collection's index; run `pulumi up` again",
  });
  // From here on the index exists: a failure keeps it in the stack.
  try {
    const now = await getIndex(client, name);
    if (!now) throw new Error(`legacy collection ${name} disappeared while its index was built`);
    return { id: name, observed: observe(name, now) };
  } catch (e) {
    throw new IncompleteError(name, { collectionName: name }, { operation: "create", step: "describe the index" }, e);
  }
}

async function read(ctx: RuntimeContext, id: string, state: LegacyIndexState): Promise<Observed | undefined> {
  // `LegacyIndex.get` passes only the endpoint: the collection name is the id then.
  const name = state.collectionName ?? id;
  const ix = await getIndex(legacyClient(ctx, state), name);
  if (!ix) return undefined;
  // The server shows FLAT once an index is dropped: an index declared as something else is gone.
  if (ix.index_type === "FLAT" && state.indexType !== undefined && state.indexType !== "FLAT") return undefined;
  return observe(name, ix);
}

/** Only provider settings reach update (every index change replaces): report what the server has. */
async function update(ctx: RuntimeContext, id: string, olds: LegacyIndexState, news: LegacyIndexInputs): Promise<Observed> {
  const name = olds.collectionName ?? id;
  const ix = await getIndex(legacyClient(ctx, news), name);
  if (!ix) throw new Error(`LegacyIndex: collection "${name}" no longer exists; run \`pulumi refresh\` to drop the index from the stack`);
  return observe(name, ix);
}

async function remove(ctx: RuntimeContext, id: string, state: LegacyIndexState): Promise<void> {
  try {
    await legacyClient(ctx, state).dropIndex(state.collectionName ?? id);
  } catch (e) {
    // The collection is gone, and its index with it.
    if (isNotFound(e)) return;
    throw e;
  }
}

const ops: ResourceOps<LegacyIndexSpec> = { create, read, update, delete: remove };

/** The LegacyIndex resource. */
export const legacyIndexDefinition = defineResource({ kind: "LegacyIndex", spec: legacyIndexSpec, refine: refineLegacyIndex, adjustPlan: adjustLegacyIndexPlan, ops });
