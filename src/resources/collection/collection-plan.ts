/** The Collection's pure diff. */
import { planChanges, type DiffPlan } from "../shared/plan";
import { containsUnknown } from "../shared/unknowns";
import { addableFields, canonicalEndpoint, canonicalProperties, sameFields } from "./collection-canonical";
import type { FieldInput } from "./collection-schema";

/** Inputs whose change needs a new collection (the schema is decided separately). */
export const COLLECTION_REPLACE_ON = ["endpoint", "dbName", "enableDynamicField", "shardsNum", "consistencyLevel", "apiVersion"] as const;

/** In-place changes, in the order update applies them. */
export const COLLECTION_UPDATE_ORDER = ["collectionName", "description", "properties", "schema", "loaded"] as const;

const LOCAL_ONLY = ["token", "allowDataLoss", "waitTimeoutSeconds"] as const;

type Schema = { fields?: FieldInput[] } | undefined;

/**
 * `schema` updates in place only when nullable scalar fields are appended; any other schema change
 * replaces. Unset `shardsNum` / `consistencyLevel` accept whatever the server chose.
 */
export function planCollectionDiff(olds: Record<string, unknown>, news: Record<string, unknown>): DiffPlan {
  const effective = { ...news };
  for (const key of ["shardsNum", "consistencyLevel", "apiVersion"] as const) if (news[key] === undefined) effective[key] = olds[key];
  const plan = planChanges({
    olds,
    news: effective,
    properties: [...COLLECTION_REPLACE_ON, ...COLLECTION_UPDATE_ORDER, ...LOCAL_ONLY],
    replaceOn: COLLECTION_REPLACE_ON,
    deleteBeforeReplace: true,
    normalise: (key, value) => {
      switch (key) {
        case "endpoint":
          return canonicalEndpoint(value);
        case "dbName":
          return value ?? "default";
        case "enableDynamicField":
          return value ?? false;
        case "description":
          return value ?? "";
        case "properties":
          return canonicalProperties(value as Record<string, unknown> | undefined);
        case "schema":
          // Compared below with field canonicalisation.
          return undefined;
        default:
          return value;
      }
    },
  });
  const oldFields = (olds.schema as Schema)?.fields ?? [];
  const newSchema = news.schema as Schema;
  if (containsUnknown(newSchema)) {
    plan.replaces.push("schema");
  } else if (!sameFields(oldFields, newSchema?.fields)) {
    if (addableFields(oldFields, newSchema?.fields ?? [])) plan.updates.push("schema");
    else plan.replaces.push("schema");
  }
  if ((news.apiVersion ?? olds.apiVersion) === "v1") {
    // REST v1 has no rename, alter or add-field calls: such changes need a new collection.
    for (const key of ["collectionName", "description", "properties", "schema"]) {
      if (plan.updates.includes(key)) plan.replaces.push(key);
    }
    plan.updates = plan.updates.filter((k) => !plan.replaces.includes(k));
  }
  plan.changes = plan.replaces.length + plan.updates.length > 0;
  // A name is unique per database: when the replacement keeps the name, the old one must go first.
  plan.deleteBeforeReplace = plan.replaces.length > 0 && olds.collectionName === news.collectionName && olds.dbName === news.dbName && canonicalEndpoint(olds.endpoint) === canonicalEndpoint(news.endpoint);
  // A rename rides along with a replacement: the new collection simply gets the new name.
  if (plan.replaces.length > 0) plan.updates = [];
  return plan;
}
