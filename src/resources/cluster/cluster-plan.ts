/** The Cluster's pure diff: what replaces, what updates in place, and in which order. */
import { planChanges, type DiffPlan } from "../shared/plan";
import { DEFAULT_CU_TYPE, isDedicated } from "./cluster-schema";

/** Inputs whose change needs a new cluster. */
export const CLUSTER_REPLACE_ON = ["plan", "regionId", "projectId", "cuType"] as const;

/** In-place changes, applied one kind at a time in this order, each waiting for the cluster to settle. */
export const CLUSTER_UPDATE_ORDER = ["clusterName", "labels", "cuSize", "replica", "desiredStatus"] as const;

/** Inputs that only change how the provider works (no server call). */
const LOCAL_ONLY = ["apiVersion", "waitTimeoutSeconds"] as const;

/**
 * Compares old state with new inputs. `projectId` left out means "the project already chosen", so only an
 * explicit different id replaces. Server defaults (cuSize 1, replica 1, the default cuType, RUNNING) count
 * as equal to an unset input.
 */
export function planClusterDiff(olds: Record<string, unknown>, news: Record<string, unknown>): DiffPlan {
  const dedicated = isDedicated((news.plan ?? olds.plan) as string | undefined);
  const effectiveNews = { ...news };
  if (news.projectId === undefined) effectiveNews.projectId = olds.projectId;
  const plan = planChanges({
    olds,
    news: effectiveNews,
    properties: [...CLUSTER_REPLACE_ON, ...CLUSTER_UPDATE_ORDER, ...LOCAL_ONLY],
    replaceOn: CLUSTER_REPLACE_ON,
    // A cluster name must stay unique in its project: the old one goes first.
    deleteBeforeReplace: olds.clusterName === news.clusterName,
    normalise: (key, value) => {
      if (value !== undefined) return key === "labels" && value !== null && Object.keys(value as object).length === 0 ? undefined : value;
      if (!dedicated) return undefined;
      if (key === "cuSize" || key === "replica") return 1;
      if (key === "cuType") return DEFAULT_CU_TYPE;
      if (key === "desiredStatus") return "RUNNING";
      return undefined;
    },
  });
  if (!dedicated && plan.updates.includes("desiredStatus")) {
    // Only an explicit RUNNING ↔ unset happens here for Free/Serverless: nothing to do on the server.
    plan.updates = plan.updates.filter((k) => k !== "desiredStatus" || news.desiredStatus === "SUSPENDED");
    plan.changes = plan.replaces.length + plan.updates.length > 0;
  }
  return plan;
}
