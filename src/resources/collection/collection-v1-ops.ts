/**
 * Collection over Milvus REST v1 (2.2–2.4 servers): create, describe and drop of the one fixed shape
 * (an Int64 primary key and one FloatVector); the plan replaces on every other change.
 */
import { allowsDataLoss, dataLossRefusal } from "../shared/data-loss";
import { effectiveToken } from "../shared/lost-password";
import { isNotFound, MilvusV1Client, waitFor, type CollectionV1 } from "../../client";
import { collectionRef, resolveEndpoint, targetOf } from "../shared/data-plane-target";
import type { Observed } from "../shared/resource-definition";
import { createOrFind } from "../shared/outcome-unknown";
import { adoptRefusal, deadlineMs, type RuntimeContext } from "../shared/runtime-context";
import type { Props } from "../shared/spec";
import { sameFields } from "./collection-canonical";
import { DEFAULT_COLLECTION_WAIT_SECONDS, type CollectionInputs, type CollectionState, type FieldInput } from "./collection-spec";

async function client(ctx: RuntimeContext, p: Props): Promise<MilvusV1Client> {
  const t = targetOf(p);
  return new MilvusV1Client({ endpoint: await resolveEndpoint(ctx, t), token: effectiveToken(ctx, t.token, ctx.config.apiKey) });
}

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

async function describe(mc: MilvusV1Client, name: string): Promise<CollectionV1 | undefined> {
  try {
    return await mc.collections.describe({ collectionName: name });
  } catch (e) {
    if (isNotFound(e)) return undefined;
    throw e;
  }
}

function observe(d: CollectionV1): Observed {
  const loaded = d.load === "LoadStateLoaded";
  return { collectionName: d.collectionName, schema: { fields: fieldsFromV1(d) }, collectionId: "", loadState: loaded ? "Loaded" : "NotLoaded" };
}

async function create(ctx: RuntimeContext, inputs: CollectionInputs, id: string): Promise<{ id: string; observed: Observed }> {
  const mc = await client(ctx, inputs);
  const [pk, vec] = inputs.schema.fields;
  const existing = await describe(mc, inputs.collectionName);
  if (existing) {
    if (inputs.adopt !== true) throw new Error(`Collection: "${inputs.collectionName}" already exists; set adopt: true to take it over`);
    if (!sameFields(inputs.schema.fields, fieldsFromV1(existing))) {
      throw adoptRefusal(`collection "${inputs.collectionName}"`, [{ property: "schema.fields", existing: fieldsFromV1(existing), wanted: inputs.schema.fields }]);
    }
  } else {
    await createOrFind(ctx, {
      what: `collection "${inputs.collectionName}"`,
      send: () =>
        mc.collections.create({
          ...collectionRef(inputs), dimension: vec!.dim!, primaryField: pk!.name, vectorField: vec!.name,
          ...(inputs.description !== undefined ? { description: inputs.description } : {}),
          ...(inputs.enableDynamicField !== undefined ? { enableDynamicField: inputs.enableDynamicField } : {}),
        }),
      lookUp: async () => ((await describe(mc, inputs.collectionName)) ? { found: true } : { absent: true }),
      resendWhenAbsent: false,
      nextStep: "run `pulumi up` again",
    });
  }
  return { id, observed: observe((await describe(mc, inputs.collectionName))!) };
}

async function read(ctx: RuntimeContext, state: Props): Promise<Observed | undefined> {
  const d = await describe(await client(ctx, state), state.collectionName as string);
  return d ? observe(d) : undefined;
}

async function remove(ctx: RuntimeContext, state: CollectionState): Promise<void> {
  const mc = await client(ctx, state);
  const name = state.collectionName!;
  if (!(await describe(mc, name))) return;
  // REST v1 has no row count: without an explicit opt-in the drop is refused, whatever the collection holds.
  if (!allowsDataLoss(ctx, state)) {
    throw dataLossRefusal(`collection "${name}"`, "an unknown number of entities (REST v1 cannot count them)", "a replacement");
  }
  try {
    await mc.collections.drop({ collectionName: name });
  } catch (e) {
    if (!isNotFound(e)) throw e;
  }
  await waitFor({
    poll: () => describe(mc, name),
    check: (d) => (d ? "pending" : "done"),
    timeoutMs: deadlineMs(state, DEFAULT_COLLECTION_WAIT_SECONDS),
    intervalMs: ctx.pollIntervalMs,
    description: `collection ${name} to be dropped`,
  });
}

/** The Collection's REST v1 operations. */
export const v1Ops = { create, read, delete: remove };
