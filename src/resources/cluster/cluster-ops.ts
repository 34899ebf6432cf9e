/** Cluster operations against the control plane (run time only). */
import { isNotFound, normalizeClusterStatus, waitFor, ZillizError, type Cluster as ClusterInfo } from "../../client";
import { shareClusterDescribe } from "../shared/data-plane-target";
import { IncompleteError } from "../shared/partial-state";
import type { DiffPlan } from "../shared/plan";
import { defineResource, type Observed, type ResourceOps } from "../shared/resource-definition";
import { adoptRefusal, deadlineMs, errorText, type Mismatch, type RuntimeContext } from "../shared/runtime-context";
import { stableEqual } from "../shared/stable-equal";
import { clusterApi, type ClusterApi } from "./cluster-api";
import { autoscalingBody, canonicalAutoscaling, scalesCu, scalesReplica } from "./cluster-autoscaling";
import { createOrTakeOver } from "./cluster-create";
import { markedClusterApi, type MarkedClusterApi } from "./cluster-ownership";
import { adjustClusterPlan, clusterSpec, DEFAULT_CLUSTER_WAIT_SECONDS, DEFAULT_CU_TYPE, isDedicated, refineCluster, type ClusterInputs, type ClusterSpec, type ClusterState } from "./cluster-spec";

type Secrets = { username?: unknown; password?: unknown };
type Seen = { cluster: ClusterInfo; labels?: Record<string, string> };

/** What the server reports, as spec properties (plan and CUs only for Dedicated clusters). */
function observe({ cluster: c, labels }: Seen, secrets: Secrets): Observed {
  const status = normalizeClusterStatus(c.status);
  return {
    clusterName: c.clusterName,
    ...(c.regionId ? { regionId: c.regionId } : {}),
    ...(c.projectId ? { projectId: c.projectId } : {}),
    ...(isDedicated(c.plan) ? dedicatedSettings(c) : {}),
    ...(labels !== undefined ? { labels } : {}),
    // Only a settled status says what the user wants; CREATING or MODIFYING leave the input as written.
    ...(status === "RUNNING" || status === "SUSPENDED" ? { desiredStatus: status } : {}),
    clusterId: c.clusterId,
    connectAddress: c.connectAddress ?? "",
    privateLinkAddress: c.privateLinkAddress ?? "",
    status,
    createTime: c.createTime ?? "",
    username: secrets.username ?? "",
    password: secrets.password ?? "",
  };
}

/**
 * A Dedicated cluster's sizing as spec properties. A size an autoscaling rule drives is left out of the
 * inputs (the program gives the rule, not the size; the size is the `current…` output), so it never drifts.
 */
function dedicatedSettings(c: ClusterInfo): Observed {
  const autoscaling = canonicalAutoscaling(c.autoscaling);
  const replica = c.replica || 1;
  return {
    plan: c.plan,
    cuType: c.cuType || c.clusterType || DEFAULT_CU_TYPE,
    ...(autoscaling?.cu === undefined ? { cuSize: c.cuSize } : {}),
    ...(autoscaling?.replica === undefined ? { replica } : {}),
    autoscaling,
    currentCuSize: c.cuSize,
    currentReplica: replica,
  };
}

/** The credentials a stored state holds (only a create receives them). */
const secretsOf = (state: ClusterState): Secrets => ({ username: state.username, password: state.password });

async function seen(ctx: RuntimeContext, zc: ClusterApi, id: string): Promise<Seen> {
  const describing = zc.describe(id);
  shareClusterDescribe(ctx, id, describing);
  const [cluster, labels] = await Promise.all([describing, zc.getLabels(id)]);
  return { cluster, labels };
}

async function resolveProjectId(zc: ClusterApi, inputs: ClusterInputs): Promise<string> {
  if (inputs.projectId !== undefined) return inputs.projectId;
  const projects = await zc.listProjects();
  const found = projects.find((p) => p.projectName === "Default Project") ?? (projects.length === 1 ? projects[0] : undefined);
  if (!found) throw new Error(`Cluster: no projectId given and no project named "Default Project" among ${projects.length} projects; set projectId`);
  return found.projectId;
}

/**
 * Waits until the cluster reaches `target` (and, when given, runs at `cuSize`, or has the `autoscaling`
 * settings wanted), logging progress.
 */
function waitStatus(ctx: RuntimeContext, zc: ClusterApi, id: string, target: string, inputs: ClusterInputs, cuSize?: number, autoscaling?: { want: unknown }): Promise<ClusterInfo> {
  return waitFor({
    poll: () => zc.describe(id),
    check: (c) => {
      const s = normalizeClusterStatus(c.status);
      if (s === "DELETED" || s === "FAILED" || s === "ABNORMAL") return { failed: `cluster is ${s}` };
      // A resize is done when the cluster runs at the new size, not merely when it says RUNNING; an
      // autoscaling change when the server reports the new settings.
      const sized = cuSize === undefined || c.cuSize === cuSize;
      const scaled = autoscaling === undefined || stableEqual(canonicalAutoscaling(c.autoscaling), autoscaling.want);
      return s === target && sized && scaled ? "done" : "pending";
    },
    timeoutMs: deadlineMs(inputs, DEFAULT_CLUSTER_WAIT_SECONDS),
    intervalMs: ctx.pollIntervalMs,
    description: `cluster ${id} to reach ${target}${cuSize !== undefined ? ` at ${cuSize} CU` : ""}${autoscaling !== undefined ? " with the autoscaling settings" : ""}`,
    onProgress: (c, ms) => ctx.log(`cluster ${id}: ${normalizeClusterStatus(c.status)}${c.createProgress !== undefined ? ` (${c.createProgress}%)` : ""}, waiting for ${target} (${Math.round(ms / 1000)} s)`),
  });
}

/** Settings an existing cluster must already have to be adopted (the rest is brought in line in place). */
function adoptMismatches(inputs: ClusterInputs, c: ClusterInfo): Mismatch[] {
  const out: Mismatch[] = [];
  const want = (property: string, existing: unknown, wanted: unknown) => wanted !== undefined && existing !== wanted && out.push({ property, existing, wanted });
  const dedicated = isDedicated(inputs.plan);
  want("plan", isDedicated(c.plan) ? c.plan : "Free/Serverless", dedicated ? inputs.plan : "Free/Serverless");
  want("regionId", c.regionId, inputs.regionId);
  if (dedicated) want("cuType", c.cuType || c.clusterType, inputs.cuType ?? DEFAULT_CU_TYPE);
  return out;
}

/**
 * Brings an existing cluster to the program's settings, one kind of change at a time, each waited for:
 * first out of any transition, resumed if it must change or run, then renamed, labelled, resized,
 * replicated, and suspended last. `manage(key)` says which optional settings the program controls (an
 * adopted cluster keeps its size when the program does not give one). `step` tracks progress for partial state.
 */
async function converge(ctx: RuntimeContext, zc: MarkedClusterApi, id: string, inputs: ClusterInputs, manage: (key: keyof ClusterInputs) => boolean, step: { now: string }): Promise<Seen> {
  const dedicated = isDedicated(inputs.plan);
  let c = await zc.describe(id);
  let status = normalizeClusterStatus(c.status);
  if (status !== "RUNNING" && status !== "SUSPENDED") {
    step.now = "wait RUNNING";
    c = await waitStatus(ctx, zc, id, "RUNNING", inputs);
    status = "RUNNING";
  }
  const wantStatus = dedicated ? (inputs.desiredStatus ?? "RUNNING") : "RUNNING";
  // A size an autoscaling rule drives is the server's to set.
  const wantSize = dedicated && manage("cuSize") && !scalesCu(inputs) ? (inputs.cuSize ?? 1) : undefined;
  const wantReplica = dedicated && manage("replica") && !scalesReplica(inputs) ? (inputs.replica ?? 1) : undefined;
  const wantScaling = dedicated && inputs.apiVersion !== "v1" && manage("autoscaling") ? canonicalAutoscaling(inputs.autoscaling) : undefined;
  const rescale = dedicated && inputs.apiVersion !== "v1" && manage("autoscaling") && !stableEqual(canonicalAutoscaling(c.autoscaling), wantScaling);
  const resize = rescale || (wantSize !== undefined && c.cuSize !== wantSize) || (wantReplica !== undefined && (c.replica || 1) !== wantReplica);
  if (status === "SUSPENDED" && (wantStatus === "RUNNING" || resize)) {
    // A suspended cluster cannot be modified: resume first (and suspend again at the end if wanted).
    step.now = "resume";
    await zc.resume(id);
    c = await waitStatus(ctx, zc, id, "RUNNING", inputs);
  }
  if (c.clusterName !== inputs.clusterName) {
    step.now = "rename";
    await zc.rename(id, inputs.clusterName);
  }
  let labels = inputs.apiVersion === "v1" ? undefined : await zc.getLabels(id);
  const relabel = labels !== undefined && manage("labels") && !stableEqual(labels, inputs.labels ?? {});
  if (labels !== undefined && (relabel || zc.needsMark(id))) {
    // A missing ownership mark is added with the labels the cluster keeps (an adopted cluster keeps its own).
    step.now = "labels";
    labels = relabel ? (inputs.labels ?? {}) : labels;
    await zc.putLabels(id, labels);
  }
  if (rescale && !stableEqual(canonicalAutoscaling(c.autoscaling), wantScaling)) {
    // First, so that a rule dropped in favour of a fixed size no longer fights the resize below.
    step.now = "set autoscaling";
    await zc.modify(id, { autoscaling: autoscalingBody(wantScaling, canonicalAutoscaling(c.autoscaling)) });
    c = await waitStatus(ctx, zc, id, "RUNNING", inputs, undefined, { want: wantScaling });
  }
  if (wantSize !== undefined && c.cuSize !== wantSize) {
    step.now = `resize to ${wantSize} CU`;
    await zc.modify(id, { cuSize: wantSize });
    c = await waitStatus(ctx, zc, id, "RUNNING", inputs, wantSize);
  }
  if (wantReplica !== undefined && (c.replica || 1) !== wantReplica) {
    step.now = `set ${wantReplica} replicas`;
    await zc.modify(id, { replica: wantReplica });
    c = await waitStatus(ctx, zc, id, "RUNNING", inputs);
  }
  if (wantStatus === "SUSPENDED" && normalizeClusterStatus(c.status) !== "SUSPENDED") {
    step.now = "suspend";
    await zc.suspend(id);
    c = await waitStatus(ctx, zc, id, "SUSPENDED", inputs);
  }
  const settled = zc.describe(id);
  shareClusterDescribe(ctx, id, settled);
  return { cluster: await settled, labels };
}

/** What the server has now, for partial state after a failure (nothing when it cannot be asked). */
async function observeAfterFailure(ctx: RuntimeContext, zc: ClusterApi, id: string, secrets: Secrets): Promise<Observed> {
  try {
    return observe(await seen(ctx, zc, id), secrets);
  } catch {
    return { clusterId: id, ...secrets };
  }
}

async function create(ctx: RuntimeContext, inputs: ClusterInputs) {
  const zc = markedClusterApi(clusterApi(ctx, inputs), inputs.ownerMark, inputs.apiVersion);
  const projectId = await resolveProjectId(zc, inputs);
  const name = inputs.clusterName;
  let id: string;
  let secrets: Secrets = {};
  const existing = inputs.adopt === true ? await zc.findByName(name, projectId) : undefined;
  if (existing) {
    const mismatches = adoptMismatches(inputs, await zc.describe(existing.clusterId));
    if (mismatches.length > 0) throw adoptRefusal(`cluster "${name}" (${existing.clusterId})`, mismatches);
    id = existing.clusterId;
    ctx.log(`cluster ${id}: adopting the existing cluster "${name}" (its password is not known to the provider)`);
  } else {
    ({ id, secrets } = await createOrTakeOver(ctx, zc, inputs, projectId));
  }
  // From here on the cluster exists: whatever fails keeps it in the stack, with what was observed.
  const step = { now: "wait RUNNING" };
  try {
    const all = () => true;
    return { id, observed: observe(await converge(ctx, zc, id, inputs, existing ? (k) => inputs[k] !== undefined : all, step), secrets) };
  } catch (e) {
    throw new IncompleteError(id, await observeAfterFailure(ctx, zc, id, secrets), { operation: "create", step: step.now }, e);
  }
}

async function read(ctx: RuntimeContext, id: string, state: ClusterState): Promise<Observed | undefined> {
  const zc = markedClusterApi(clusterApi(ctx, state), state.ownerMark, state.apiVersion);
  let s: Seen;
  try {
    s = await seen(ctx, zc, id);
  } catch (e) {
    if (isNotFound(e)) return undefined;
    throw e;
  }
  if (normalizeClusterStatus(s.cluster.status) === "DELETED") return undefined;
  const observed = observe(s, secretsOf(state));
  // `Cluster.get` passes no inputs: then everything comes from the server.
  if (state.plan === undefined && !isDedicated(s.cluster.plan)) observed.plan = "Serverless";
  return observed;
}

/** Applies the program's settings (the plan's changes, and anything a failure left undone). */
async function apply(ctx: RuntimeContext, id: string, olds: ClusterState, news: ClusterInputs, plan: DiffPlan | undefined, operation: string): Promise<Observed> {
  const zc = markedClusterApi(clusterApi(ctx, news), news.ownerMark, news.apiVersion);
  const step = { now: "describe" };
  try {
    const manage = (k: keyof ClusterInputs) => news[k] !== undefined || (plan?.updates.includes(k) ?? false) || olds[k] !== undefined;
    return observe(await converge(ctx, zc, id, news, manage, step), secretsOf(olds));
  } catch (e) {
    if (ZillizError.isZillizError(e) && e.kind === "not_found") throw e;
    throw new IncompleteError(id, await observeAfterFailure(ctx, zc, id, secretsOf(olds)), { operation, step: step.now }, e);
  }
}

async function remove(ctx: RuntimeContext, id: string, state: ClusterState): Promise<void> {
  const zc = clusterApi(ctx, state);
  const statusNow = async (): Promise<string> => {
    try {
      return normalizeClusterStatus((await zc.describe(id)).status);
    } catch (e) {
      if (isNotFound(e)) return "GONE";
      throw e;
    }
  };
  const inputs = state as ClusterInputs;
  // Already gone (or going): a deleted cluster stays describable as DELETED for a while, and drop refuses it.
  const before = await statusNow();
  if (before === "GONE" || before === "DELETED") return;
  if (before !== "DELETING") {
    try {
      await zc.drop(id);
    } catch (e) {
      if (isNotFound(e)) return;
      if (!(ZillizError.isZillizError(e) && e.kind === "wrong_state")) throw e;
      // Still creating or modifying: let it settle, then drop (a cluster must never be left behind).
      ctx.log(`cluster ${id}: ${before}; waiting for it to settle before deleting (${errorText(e)})`);
      await waitFor({
        poll: statusNow,
        check: (s) => (s === "RUNNING" || s === "SUSPENDED" || s === "GONE" || s === "DELETED" ? "done" : "pending"),
        timeoutMs: deadlineMs(inputs, DEFAULT_CLUSTER_WAIT_SECONDS),
        intervalMs: ctx.pollIntervalMs,
        description: `cluster ${id} to settle before deletion`,
      });
      const now = await statusNow();
      if (now === "GONE" || now === "DELETED") return;
      await zc.drop(id);
    }
  }
  await waitFor({
    poll: statusNow,
    check: (s) => (s === "GONE" || s === "DELETED" ? "done" : "pending"),
    timeoutMs: deadlineMs(inputs, DEFAULT_CLUSTER_WAIT_SECONDS),
    intervalMs: ctx.pollIntervalMs,
    description: `cluster ${id} to be deleted`,
    onProgress: (s, ms) => ctx.log(`cluster ${id}: ${s}, waiting for deletion (${Math.round(ms / 1000)} s)`),
  });
}

const ops: ResourceOps<ClusterSpec> = {
  create,
  read,
  update: (ctx, id, olds, news, plan) => apply(ctx, id, olds, news, plan, "update"),
  // A failed create or update: converge again to the program's settings (waits included).
  resume: (ctx, id, state, news) => apply(ctx, id, state, news, undefined, state.pendingWork?.operation ?? "update"),
  delete: remove,
};

/** The Cluster resource: its spec, rules and operations. */
export const clusterDefinition = defineResource({ kind: "Cluster", spec: clusterSpec, refine: refineCluster, adjustPlan: adjustClusterPlan, ops });
