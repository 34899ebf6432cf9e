/** The CollectionIndex's pure diff: any change to the index itself replaces it. */
import { planChanges, type DiffPlan } from "../shared/plan";
import { canonicalEndpoint, canonicalProperties } from "../collection/collection-canonical";

export const INDEX_REPLACE_ON = ["endpoint", "dbName", "collectionName", "fieldName", "indexName", "indexType", "metricType", "params"] as const;
const LOCAL_ONLY = ["token", "waitForBuild", "waitTimeoutSeconds", "fieldDataType"] as const;

/** Server defaults applied: the index name defaults to the field name, the database to `default`. */
export function planIndexDiff(olds: Record<string, unknown>, news: Record<string, unknown>): DiffPlan {
  const plan = planChanges({
    olds,
    news,
    properties: [...INDEX_REPLACE_ON, ...LOCAL_ONLY],
    replaceOn: INDEX_REPLACE_ON,
    normalise: (key, value, side) => {
      const source = side === "old" ? olds : news;
      switch (key) {
        case "endpoint":
          return canonicalEndpoint(value);
        case "dbName":
          return value ?? "default";
        case "indexName":
          return value ?? source.fieldName;
        case "params":
          return canonicalProperties(value as Record<string, unknown> | undefined);
        default:
          return value;
      }
    },
  });
  // One index per field (and a name unique per collection): the old one goes first unless both move.
  const sameField = olds.fieldName === news.fieldName && olds.collectionName === news.collectionName && canonicalEndpoint(olds.endpoint) === canonicalEndpoint(news.endpoint);
  plan.deleteBeforeReplace = plan.replaces.length > 0 && sameField;
  return plan;
}
