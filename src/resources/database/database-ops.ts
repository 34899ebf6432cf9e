/** Database operations against the Milvus REST v2 data plane (Milvus 2.5+; run time only). */
import { allowsDataLoss, dataLossRefusal } from "../shared/data-loss";
import { isNotFound, type DatabaseDescription, type MilvusClient } from "../../client";
import { kvToMap } from "../../client/schema-helpers";
import { milvusClient, targetOf } from "../shared/data-plane-target";
import { IncompleteError } from "../shared/partial-state";
import { defineResource, type Observed, type ResourceOps } from "../shared/resource-definition";
import type { RuntimeContext } from "../shared/runtime-context";
import { canonicalProperties, databaseSpec, refineDatabase, type DatabaseInputs, type DatabaseSpec, type DatabaseState } from "./database-spec";

/** Properties some servers add on their own (2.6.6+ `timezone`): reported only when the program names them. */
const SERVER_ADDED = ["timezone"];

/** The database calls go to the named database in the body; the connection itself needs none. */
const client = (ctx: RuntimeContext, p: DatabaseState | DatabaseInputs) => milvusClient(ctx, { ...targetOf(p), dbName: undefined });

async function describe(mc: MilvusClient, dbName: string): Promise<DatabaseDescription | undefined> {
  try {
    return await mc.databases.describe({ dbName });
  } catch (e) {
    if (isNotFound(e)) return undefined;
    throw e;
  }
}

function observe(d: DatabaseDescription, written: { properties?: Record<string, unknown> }): Observed {
  const named = canonicalProperties(written.properties);
  const server = kvToMap(d.properties);
  for (const key of SERVER_ADDED) if (!(key in named)) delete server[key];
  return { dbName: d.dbName, properties: server, ...(d.dbID !== undefined ? { dbId: d.dbID } : {}) };
}

/** Sets what differs from `current` and removes what the program no longer names (two calls at most). */
async function applyProperties(mc: MilvusClient, dbName: string, current: Record<string, string>, wanted: Record<string, string>): Promise<void> {
  const set = Object.fromEntries(Object.entries(wanted).filter(([k, v]) => current[k] !== v));
  const removed = Object.keys(current).filter((k) => !(k in wanted) && !SERVER_ADDED.includes(k));
  if (Object.keys(set).length > 0) await mc.databases.alter({ dbName, properties: set });
  if (removed.length > 0) await mc.databases.dropProperties({ dbName, propertyKeys: removed });
}

async function create(ctx: RuntimeContext, inputs: DatabaseInputs) {
  const mc = await client(ctx, inputs);
  const id = inputs.dbName;
  const wanted = canonicalProperties(inputs.properties);
  const existing = await describe(mc, id);
  if (existing) {
    if (inputs.adopt !== true) throw new Error(`Database: database "${id}" already exists; set adopt: true to take it over (its properties are then set in place)`);
  } else {
    await mc.databases.create({ dbName: id, ...(Object.keys(wanted).length > 0 ? { properties: wanted } : {}) });
  }
  // From here on the database exists: a failure keeps it in the stack.
  try {
    if (existing) await applyProperties(mc, id, kvToMap(existing.properties), wanted);
    const d = await describe(mc, id);
    if (!d) throw new Error(`database "${id}" disappeared right after it was created`);
    return { id, observed: observe(d, inputs) };
  } catch (e) {
    const now = await describe(mc, id).catch(() => undefined);
    throw new IncompleteError(id, now ? observe(now, inputs) : {}, { operation: "create", step: "apply properties" }, e);
  }
}

async function read(ctx: RuntimeContext, id: string, state: DatabaseState): Promise<Observed | undefined> {
  const mc = await client(ctx, state);
  const d = await describe(mc, state.dbName ?? id);
  return d ? observe(d, state) : undefined;
}

async function update(ctx: RuntimeContext, id: string, _olds: DatabaseState, news: DatabaseInputs): Promise<Observed> {
  const mc = await client(ctx, news);
  // Diff against the server, not the state: a property set outside the stack is removed as well.
  const now = await describe(mc, id);
  if (!now) throw new Error(`Database: database "${id}" no longer exists; run \`pulumi refresh\` to drop it from the stack, then \`pulumi up\` creates it again`);
  await applyProperties(mc, id, kvToMap(now.properties), canonicalProperties(news.properties));
  const d = await describe(mc, id);
  return d ? observe(d, news) : {};
}

async function remove(ctx: RuntimeContext, id: string, state: DatabaseState): Promise<void> {
  const dbName = state.dbName ?? id;
  // An adopted `default` database is only released from the stack: Milvus cannot drop it.
  if (dbName === "default") return;
  const mc = await client(ctx, state);
  if (!(await describe(mc, dbName))) return;
  const collections = await mc.collections.list({ dbName });
  if (collections.length > 0) {
    if (!allowsDataLoss(ctx, state)) {
      throw dataLossRefusal(`database "${dbName}"`, `the collections ${collections.map((c) => `"${c}"`).join(", ")} (delete them first, or opt in)`, "a replacement");
    }
    // Aliases first: Milvus refuses to drop a collection that still has one.
    for (const aliasName of await mc.aliases.list({ dbName })) await mc.aliases.drop({ aliasName, dbName });
    for (const collectionName of collections) {
      await mc.collections.drop({ collectionName, dbName });
      ctx.log(`database ${dbName}: dropped collection ${collectionName} (allowDataLoss)`);
    }
  }
  await mc.databases.drop({ dbName });
}

// A create that failed setting the properties: the update sets them (it diffs against the server anyway).
const ops: ResourceOps<DatabaseSpec> = { create, read, update, delete: remove, resume: (ctx, id, state, news) => update(ctx, id, state, news) };

/** The Database resource. */
export const databaseDefinition = defineResource({ kind: "Database", spec: databaseSpec, refine: refineDatabase, ops });
