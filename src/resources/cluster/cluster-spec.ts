/** The Cluster's properties: one table, from which its class, check, diff and stored shape derive. */
import { z } from "zod";
import type { DiffPlan } from "../shared/plan";
import type { ProviderConfig } from "../shared/provider-config";
import type { StateOf } from "../shared/resource-definition";
import { autoscalingType, canonicalAutoscaling, scalesCu, scalesReplica } from "./cluster-autoscaling";
import { ownerMarkOf } from "../shared/ownership-mark";
import { defineSpec, hiddenInput, input, output, type InputsOf, type Props } from "../shared/spec";

export const CLUSTER_PLANS = ["Free", "Serverless", "Standard", "Enterprise", "BusinessCritical"] as const;
export const DEDICATED_PLANS: readonly string[] = ["Standard", "Enterprise", "BusinessCritical"];
export const CU_TYPES = ["Performance-optimized", "Capacity-optimized", "Tiered-storage", "Extended-capacity"] as const;
export const DEFAULT_CU_TYPE = "Performance-optimized";
export const DEFAULT_CLUSTER_WAIT_SECONDS = 45 * 60;

/** True for Standard, Enterprise and BusinessCritical. */
export function isDedicated(plan: unknown): boolean {
  return typeof plan === "string" && DEDICATED_PLANS.includes(plan);
}

/** A default that applies to Dedicated clusters only (Free and Serverless have no CUs). */
const dedicatedDefault = (value: unknown) => (p: Props) => (isDedicated(p.plan) ? value : undefined);

export const clusterSpec = defineSpec({
  /**
   * Cluster name: letters, digits and hyphens, 1–32 characters (the service's limit). Unique per project.
   * Updates in place (rename).
   * @example "search-prod"
   */
  clusterName: input(
    z.string().min(1).max(32, "at most 32 characters (the service refuses longer names)").regex(/^[A-Za-z0-9][A-Za-z0-9-]*$/, "letters, digits and hyphens only, starting with a letter or digit"),
    { change: "update" },
  ),
  /**
   * `Free`, `Serverless`, or a Dedicated plan: `Standard`, `Enterprise`, `BusinessCritical`. Changing it
   * replaces the cluster (refused at preview unless `allowDataLoss`).
   * @example "Standard"
   */
  plan: input(z.enum(CLUSTER_PLANS), { change: "replace" }),
  /**
   * Cloud region id (`<cloud>-<region>`). Changing it replaces the cluster (refused at preview unless `allowDataLoss`).
   * @example "gcp-us-west1"
   */
  regionId: input(z.string().regex(/^[a-z]+-[a-z0-9-]+$/, "expected a region id like aws-us-west-2 or gcp-us-west1"), { change: "replace" }),
  /**
   * Project id. Default: the project named "Default Project" (looked up at create). Setting a different id
   * replaces the cluster (refused at preview unless `allowDataLoss`).
   * @example "proj-4487580fcfe2c8a4391686"
   */
  projectId: input(z.string().regex(/^proj-[0-9a-z]+$/, "expected a project id like proj-0123abcd…").optional(), { change: "replace", serverChosen: true }),
  /**
   * Dedicated only: `Performance-optimized` (default), `Capacity-optimized`, `Tiered-storage` or
   * `Extended-capacity`. Changing it replaces the cluster (refused at preview unless `allowDataLoss`).
   * @example "Capacity-optimized"
   */
  cuType: input(z.enum(CU_TYPES).optional(), { change: "replace", default: dedicatedDefault(DEFAULT_CU_TYPE) }),
  /**
   * Dedicated only: compute units, default 1. Updates in place (waits until the cluster runs at the new size).
   * @example 2
   */
  cuSize: input(z.number().int().min(1).max(1024).optional(), { change: "update", default: (p: Props) => (scalesCu(p) ? undefined : dedicatedDefault(1)(p)) }),
  /**
   * Dedicated only: replicas, default 1 (cuSize × replica ≤ 1024). Updates in place (waits for RUNNING).
   * @example 2
   */
  replica: input(z.number().int().min(1).max(10).optional(), { change: "update", default: (p: Props) => (scalesReplica(p) ? undefined : dedicatedDefault(1)(p)) }),
  /**
   * Dedicated only (apiVersion v2): let the service scale the cluster. `cu` scales the compute units,
   * `replica` the replicas; each is a range `{ min, max }` (CU bounds are CU sizes the plan allows, replica
   * bounds 1–10) or cron `schedules` `[{ cron, target, timezone? (default UTC) }]`, not both. A rule
   * replaces the fixed value: `autoscaling.cu` excludes `cuSize`, `autoscaling.replica` excludes `replica`
   * (the size the cluster runs at is then the `currentCuSize` / `currentReplica` output). Default: none.
   * Updates in place (one modify call, then a wait until the cluster is RUNNING with these settings); a rule
   * removed from the program is removed on the server. Changes made outside the stack show on refresh.
   * @example { cu: { min: 2, max: 8 }, replica: { schedules: [{ cron: "0 8 * * 1-5", target: 2 }, { cron: "0 20 * * 1-5", target: 1 }] } }
   */
  autoscaling: input(autoscalingType.optional(), { change: "update", canonical: (v) => canonicalAutoscaling(v) }),
  /**
   * Labels (string map, keys 1–63 characters, values up to 255). Updates in place; labels changed on the
   * server show as drift on refresh.
   * @example { team: "search" }
   */
  labels: input(z.record(z.string().min(1).max(63), z.string().max(255)).optional(), {
    change: "update",
    canonical: (v) => (v !== null && typeof v === "object" && Object.keys(v).length === 0 ? undefined : v),
  }),
  /**
   * `RUNNING` (default) or `SUSPENDED` (Dedicated only). Updates in place: suspends or resumes and waits.
   * @example "SUSPENDED"
   */
  desiredStatus: input(z.enum(["RUNNING", "SUSPENDED"]).optional(), { change: "update", default: "RUNNING" }),
  /**
   * Control-plane API version: `v2` (default) or the deprecated regional `v1` (no rename, labels or replica;
   * Standard/Enterprise only). Switching it only changes which API the provider calls.
   * @example "v1"
   */
  apiVersion: input(z.enum(["v1", "v2"]).optional(), { change: "local", default: "v2" }),
  /**
   * Deadline for each wait (create, resize, suspend, resume, delete), in seconds. Default 2700 (45 min).
   * Pulumi's `customTimeouts` never reach a dynamic provider, so this is the knob. Updates in place (no server call).
   * @example 3600
   */
  waitTimeoutSeconds: input(z.number().int().min(1).max(24 * 3600).optional(), { change: "local" }),
  /**
   * Take over an existing cluster of the same name in the project instead of creating one. Its plan, region
   * and cuType must match (otherwise create fails listing the differences); name, size, replica, labels and
   * status are then brought to the program's values. Its password stays unknown to the stack. Only read at create.
   * @example true
   */
  adopt: input(z.boolean().optional(), { change: "create-only" }),
  /**
   * Allows a change that replaces the cluster (`plan`, `regionId`, `projectId`, `cuType`): the old cluster,
   * with every collection in it, is deleted before the new one is created. Without it (or the stack config
   * `zilliz:allowDataLoss true`) such a change fails at preview. No server call.
   * @example true
   */
  allowDataLoss: input(z.boolean().optional(), { change: "local" }),
  /**
   * Set by the class, not by the program: this resource's ownership mark (a hash of project, stack, type and
   * name), put on the cluster as the label `pulumi-zilliz-owner` (never shown among `labels`). A create that
   * finds a cluster of its name carrying this mark takes it over (an interrupted run created it). Only read at create.
   */
  ownerMark: hiddenInput(z.string().regex(/^[0-9a-f]{16}$/).optional(), { change: "create-only", fill: ownerMarkOf }),

  /** Cluster id, e.g. `in01-0123456789abcdef` (the same as the resource id). */
  clusterId: output<string>(),
  /** The data-plane endpoint (use `clusterId: cluster.id` on data-plane resources instead of wiring this). */
  connectAddress: output<string>(),
  /** The private-link endpoint, when one is set up. */
  privateLinkAddress: output<string>(),
  /** Dedicated: the compute units the cluster runs at now (moves with `autoscaling.cu`). */
  currentCuSize: output<number>(),
  /** Dedicated: the replicas the cluster runs now (moves with `autoscaling.replica`). */
  currentReplica: output<number>(),
  /** `RUNNING`, `SUSPENDED`, … as the server last reported it. */
  status: output<string>(),
  /** Database user created with the cluster. */
  username: output<string>(),
  /** Its password (secret). Only known for clusters this stack created. */
  password: output<string>({ secret: true }),
  /** Creation time as the server reports it. */
  createTime: output<string>(),
});

export type ClusterSpec = typeof clusterSpec;
export type ClusterInputs = InputsOf<ClusterSpec>;
export type ClusterState = StateOf<ClusterSpec>;

/** Cross-property rules of `check`. */
export function refineCluster(v: ClusterInputs, ctx: z.RefinementCtx): void {
  const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
  if (!isDedicated(v.plan)) {
    for (const key of ["cuSize", "cuType", "replica", "autoscaling"] as const) if (v[key] !== undefined) issue(key, `${key} applies to Dedicated plans only, not ${v.plan}`);
    if (v.desiredStatus === "SUSPENDED") issue("desiredStatus", `a ${v.plan} cluster cannot be suspended (Dedicated plans only)`);
  }
  if (v.apiVersion === "v1") {
    // The v1 API has no labels or replica calls and knows only Standard and Enterprise dedicated plans.
    for (const key of ["labels", "replica", "autoscaling"] as const) if (v[key] !== undefined) issue(key, `${key} needs apiVersion v2`);
    if (v.plan === "BusinessCritical") issue("plan", "BusinessCritical needs apiVersion v2");
    if (v.cuType === "Extended-capacity") issue("cuType", "Extended-capacity needs apiVersion v2");
  }
  if (v.cuSize !== undefined && v.replica !== undefined && v.cuSize * v.replica > 1024) issue("replica", "cuSize × replica must be at most 1024");
  // The API refuses a fixed value together with the rule that scales it (one or the other).
  if (v.cuSize !== undefined && v.autoscaling?.cu !== undefined) issue("cuSize", "cuSize and autoscaling.cu exclude each other: remove cuSize to let autoscaling size the cluster");
  if (v.replica !== undefined && v.autoscaling?.replica !== undefined) issue("replica", "replica and autoscaling.replica exclude each other: remove replica to let autoscaling set it");
  const top = (r: { max?: number; schedules?: Array<{ target: number }> } | undefined) => (r === undefined ? undefined : (r.max ?? Math.max(...(r.schedules ?? []).map((x) => x.target))));
  const cuTop = top(v.autoscaling?.cu) ?? v.cuSize ?? 1;
  const replicaTop = top(v.autoscaling?.replica) ?? v.replica ?? 1;
  if (v.autoscaling !== undefined && cuTop * replicaTop > 1024) issue("autoscaling", "the largest CU size × the largest replica count must be at most 1024");
}

/**
 * Cluster plan rules: a replacement deletes the old cluster first (names are unique per project) and is
 * refused without an explicit opt-in, since every collection in it goes too; Free and Serverless clusters
 * have no status to manage.
 */
export function adjustClusterPlan(plan: DiffPlan, olds: ClusterState, news: Props, config: ProviderConfig): void {
  if (!isDedicated(news.plan ?? olds.plan)) plan.updates = plan.updates.filter((k) => k !== "desiredStatus" || news.desiredStatus === "SUSPENDED");
  if (plan.replaces.length === 0) return;
  if (news.allowDataLoss !== true && config.allowDataLoss !== true) {
    const what = plan.replaces.map((k) => `${k} (${JSON.stringify(olds[k] ?? "unset")} → ${JSON.stringify(news[k] ?? "unset")})`).join(", ");
    throw new Error(
      `Cluster "${String(olds.clusterName)}": changing ${what} replaces the cluster: the cluster ${String(olds.clusterId ?? "")} and every collection in it (declared in this stack or not) are deleted before the new cluster is created. ` +
        "To allow it, set allowDataLoss: true on the cluster (or the stack config `pulumi config set zilliz:allowDataLoss true`).",
    );
  }
  plan.deleteBeforeReplace = olds.clusterName === news.clusterName;
}
