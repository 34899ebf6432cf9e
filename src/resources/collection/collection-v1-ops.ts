/** Collection over the Milvus REST v1 (older servers): the fixed Int64 + FloatVector shape only. */
import { isNotFound, MilvusV1Client, waitFor, type CollectionV1 } from "../../client";
import { adoptRefusal, deadlineMs, outcomeUnknown, pickInputs, type RuntimeContext } from "../shared/runtime-context";
import { sameFields } from "./collection-canonical";
import { DEFAULT_COLLECTION_WAIT_SECONDS, type FieldInput } from "./collection-schema";

const KEYS = ["endpoint", "token", "dbName", "collectionName", "description", "schema", "enableDynamicField", "allowDataLoss", "adopt", "apiVersion", "waitTimeoutSeconds"] as const;

function client(ctx: RuntimeContext, p: Record<string, unknown>): MilvusV1Client {
  return new MilvusV1Client({ endpoint: p.endpoint as string, token: (p.token as string | undefined) ?? ctx.config.apiKey });
}
const named = (p: Record<string, unknown>) => ({ collectionName: p.collectionName as string, ...(p.dbName ? { dbName: p.dbName as string } : {}) });
const fieldsOf = (p: Record<string, unknown>): FieldInput[] => ((p.schema as { fields?: FieldInput[] } | undefined)?.fields ?? []);

/** v1 describes types with their size, e.g. `FloatVector(8)`. */
function fieldsFromV1(d: CollectionV1): FieldInput[] {
  return d.fields.map((f) => {
    const m = /^(\w+)(?:\((\d+)\))?$/.exec(f.type);
    const dataType = (m?.[1] ?? f.type) as FieldInput["dataType"];
    const field: FieldInput = { name: f.name, dataType };
    if (f.primaryKey) field.isPrimary = true;
    if (f.primaryKey && f.autoId) field.autoId = true;
    if (m?.[2] !== undefined) {
      if (dataType === "VarChar") field.maxLength = Number(m[2]);
      else field.dim = Number(m[2]);
    }
    return field;
  });
}

async function describe(mc: MilvusV1Client, p: Record<string, unknown>): Promise<CollectionV1 | undefined> {
  try {
    return await mc.collections.describe(named(p));
  } catch (e) {
    if (isNotFound(e)) return undefined;
    throw e;
  }
}

const outputs = (p: Record<string, unknown>, d: CollectionV1) => ({ ...pickInputs(p, KEYS), collectionId: "", loadState: d.load === "LoadStateLoaded" ? "Loaded" : "NotLoaded" });

export async function createV1(ctx: RuntimeContext, inputs: Record<string, unknown>, id: string) {
  const mc = client(ctx, inputs);
  const [pk, vec] = fieldsOf(inputs);
  const existing = await describe(mc, inputs);
  if (existing) {
    if (inputs.adopt !== true) throw new Error(`Collection: "${inputs.collectionName as string}" already exists; set adopt: true to take it over`);
    if (!sameFields(fieldsOf(inputs), fieldsFromV1(existing))) {
      throw adoptRefusal(`collection "${inputs.collectionName as string}"`, [{ property: "schema.fields", existing: fieldsFromV1(existing), wanted: fieldsOf(inputs) }]);
    }
  } else {
    try {
      await mc.collections.create({
        ...named(inputs), dimension: vec!.dim!, primaryField: pk!.name, vectorField: vec!.name,
        ...(inputs.description !== undefined ? { description: inputs.description as string } : {}),
        ...(inputs.enableDynamicField !== undefined ? { enableDynamicField: inputs.enableDynamicField as boolean } : {}),
      });
    } catch (e) {
      if (!outcomeUnknown(e) || !(await describe(mc, inputs).catch(() => undefined))) throw e;
    }
  }
  return { id, outs: outputs(inputs, (await describe(mc, inputs))!) };
}

export async function readV1(ctx: RuntimeContext, id: string, props: Record<string, unknown>) {
  const d = await describe(client(ctx, props), props);
  if (!d) return {};
  const stored = pickInputs(props, KEYS);
  const fields = fieldsFromV1(d);
  const inputs = { ...stored, collectionName: d.collectionName, schema: sameFields(fieldsOf(stored), fields) ? stored.schema : { fields } };
  return { id, props: outputs(inputs, d), inputs };
}

export async function deleteV1(ctx: RuntimeContext, props: Record<string, unknown>): Promise<void> {
  const mc = client(ctx, props);
  if (!(await describe(mc, props))) return;
  // REST v1 has no row count: without an explicit opt-in the drop is refused, whatever the collection holds.
  if (props.allowDataLoss !== true && ctx.config.allowDataLoss !== true) {
    throw new Error(`refusing to drop collection "${props.collectionName as string}": REST v1 cannot count its entities. Set allowDataLoss: true (in an earlier up) or the stack config zilliz:allowDataLoss true.`);
  }
  try {
    await mc.collections.drop(named(props));
  } catch (e) {
    if (!isNotFound(e)) throw e;
  }
  await waitFor({
    poll: () => describe(mc, props),
    check: (d) => (d ? "pending" : "done"),
    timeoutMs: deadlineMs(props, DEFAULT_COLLECTION_WAIT_SECONDS),
    intervalMs: ctx.pollIntervalMs,
    description: `collection ${props.collectionName as string} to be dropped`,
  });
}
