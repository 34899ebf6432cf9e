/** The ImportJob's pure diff: every input change is a new import. */
import { planChanges, type DiffPlan } from "../shared/plan";

export const IMPORT_JOB_REPLACE_ON = [
  "clusterId", "endpoint", "apiVersion", "regionId", "dbName", "collectionName", "partitionName", "objectUrls", "accessKey", "secretKey",
] as const;
/** Changing the token or the wait settings does not need a new import. */
const LOCAL_ONLY = ["token", "waitTimeoutSeconds", "waitForCompletion"] as const;

/** Any change to what is imported replaces the job (a new import; the rows already imported stay). */
export function planImportJobDiff(olds: Record<string, unknown>, news: Record<string, unknown>): DiffPlan {
  return planChanges({
    olds,
    news,
    properties: [...IMPORT_JOB_REPLACE_ON, ...LOCAL_ONLY],
    replaceOn: IMPORT_JOB_REPLACE_ON,
    normalise: (key, value) => (key === "dbName" ? (value ?? "default") : key === "objectUrls" && Array.isArray(value) ? value.map((u) => (Array.isArray(u) ? u : [u])) : value),
  });
}
