/** Cluster create/read/update/delete against the control plane v2 (run time only). */
import { normalizeClusterStatus, waitFor, isNotFound, isAlreadyExists, type Cluster as ClusterInfo } from "../../client";
import { clusterApi, type ClusterApi } from "./cluster-api";
import { adoptRefusal, deadlineMs, outcomeUnknown, pickInputs, type ResourceOps, type RuntimeContext } from "../shared/runtime-context";
import { partialState } from "../shared/partial-state";
import { planClusterDiff } from "./cluster-plan";
import { clusterInputsSchema, DEFAULT_CLUSTER_WAIT_SECONDS, DEFAULT_CU_TYPE, isDedicated } from "./cluster-schema";

/** Input keys, as stored in state next to the outputs. */
export const CLUSTER_INPUT_KEYS = [
  "clusterName", "plan", "regionId", "projectId", "cuType", "cuSize", "replica", "labels", "desiredStatus", "apiVersion", "waitTimeoutSeconds", "adopt",
] as const;

const client = clusterApi;

async function resolveProjectId(zc: ClusterApi, inputs: Record<string, unknown>): Promise<string> {
  if (typeof inputs.projectId === "string") return inputs.projectId;
  const projects = await zc.listProjects();
  const found = projects.find((p) => p.projectName === "Default Project") ?? (projects.length === 1 ? projects[0] : undefined);
  if (!found) throw new Error(`Cluster: no projectId given and no project named "Default Project" among ${projects.length} projects; set projectId`);
  return found.projectId;
}

/** Waits until the cluster reaches `target` (RUNNING or SUSPENDED), logging progress. */
async function waitStatus(ctx: RuntimeContext, zc: ClusterApi, id: string, target: string, inputs: Record<string, unknown>): Promise<ClusterInfo> {
  return waitFor({
    poll: () => zc.describe(id),
    check: (c) => {
      const s = normalizeClusterStatus(c.status);
      if (s === target) return "done";
      if (s === "DELETED" || s === "FAILED" || s === "ABNORMAL") return { failed: `cluster is ${s}` };
      return "pending";
    },
    timeoutMs: deadlineMs(inputs, DEFAULT_CLUSTER_WAIT_SECONDS),
    intervalMs: ctx.pollIntervalMs,
    description: `cluster ${id} to reach ${target}`,
    onProgress: (c, ms) => ctx.log(`cluster ${id}: ${normalizeClusterStatus(c.status)}${c.createProgress !== undefined ? ` (${c.createProgress}%)` : ""}, waiting for ${target} (${Math.round(ms / 1000)} s)`),
  });
}

/** Outputs: the inputs as given, then what the server says (the same shape from create, read and update). */
function outputs(inputs: Record<string, unknown>, c: ClusterInfo, secrets: { username?: unknown; password?: unknown }): Record<string, unknown> {
  const dedicated = isDedicated(inputs.plan as string);
  return {
    ...pickInputs(inputs, CLUSTER_INPUT_KEYS),
    clusterName: c.clusterName,
    projectId: c.projectId ?? inputs.projectId,
    regionId: c.regionId ?? inputs.regionId,
    ...(dedicated ? { cuType: c.cuType || inputs.cuType || DEFAULT_CU_TYPE, cuSize: c.cuSize ?? inputs.cuSize, replica: c.replica || 1 } : {}),
    ...(c.labels && Object.keys(c.labels).length > 0 ? { labels: c.labels } : {}),
    clusterId: c.clusterId,
    connectAddress: c.connectAddress ?? "",
    privateLinkAddress: c.privateLinkAddress ?? "",
    status: normalizeClusterStatus(c.status),
    createTime: c.createTime ?? "",
    username: secrets.username ?? "",
    password: secrets.password ?? "",
  };
}

/** The settings an adopted cluster must already have. */
function adoptMismatches(inputs: Record<string, unknown>, c: ClusterInfo) {
  const out: Array<{ property: string; existing: unknown; wanted: unknown }> = [];
  const wanted = (k: string, existing: unknown, want: unknown) => want !== undefined && existing !== want && out.push({ property: k, existing, wanted: want });
  const dedicated = isDedicated(inputs.plan as string);
  wanted("plan", isDedicated(c.plan) ? c.plan : "Free/Serverless", dedicated ? inputs.plan : "Free/Serverless");
  wanted("regionId", c.regionId, inputs.regionId);
  if (dedicated) {
    wanted("cuType", c.cuType, inputs.cuType ?? DEFAULT_CU_TYPE);
    wanted("cuSize", c.cuSize, inputs.cuSize ?? 1);
    wanted("replica", c.replica || 1, inputs.replica ?? 1);
  }
  return out;
}

async function create(ctx: RuntimeContext, inputs: Record<string, unknown>): Promise<{ id: string; outs: Record<string, unknown> }> {
  const zc = client(ctx, inputs);
  const projectId = await resolveProjectId(zc, inputs);
  const name = inputs.clusterName as string;
  const plan = inputs.plan as string;
  let id: string;
  let secrets: { username?: string; password?: string } = {};
  const existing = inputs.adopt === true ? await zc.findByName(name, projectId) : undefined;
  if (existing) {
    const described = await zc.describe(existing.clusterId);
    const mismatches = adoptMismatches(inputs, described);
    if (mismatches.length > 0) throw adoptRefusal(`cluster "${name}" (${existing.clusterId})`, mismatches);
    id = existing.clusterId;
    ctx.log(`cluster ${id}: adopted existing cluster "${name}" (its password is not known to the provider)`);
  } else {
    const labels = inputs.labels as Record<string, string> | undefined;
    try {
      const created = await zc.create(plan, {
        clusterName: name, projectId, regionId: inputs.regionId as string, cuType: (inputs.cuType as string) ?? DEFAULT_CU_TYPE,
        cuSize: (inputs.cuSize as number) ?? 1, replica: inputs.replica as number | undefined, labels,
      });
      id = created.clusterId;
      secrets = { username: created.username, password: created.password };
    } catch (e) {
      if (isAlreadyExists(e)) throw new Error(`Cluster: a cluster named "${name}" already exists in project ${projectId}; set adopt: true to take it over, or choose another clusterName`);
      if (!outcomeUnknown(e)) throw e;
      // The answer was lost: the cluster may exist. Look it up by name instead of creating a second one.
      const found = await zc.findByName(name, projectId);
      if (!found) throw e;
      id = found.clusterId;
      ctx.log(`cluster ${id}: the create response was lost; found the cluster by name (its password was not received)`);
    }
  }
  let last: ClusterInfo | undefined;
  const partialOuts = () => ({ ...pickInputs(inputs, CLUSTER_INPUT_KEYS), projectId, clusterId: id, status: last ? normalizeClusterStatus(last.status) : "CREATING", username: secrets.username ?? "", password: secrets.password ?? "" });
  try {
    last = await zc.describe(id);
    if (normalizeClusterStatus(last.status) !== "SUSPENDED" || inputs.desiredStatus !== "SUSPENDED") last = await waitStatus(ctx, zc, id, "RUNNING", inputs);
    // createFree takes no labels: set them once the cluster runs.
    const labels = inputs.labels as Record<string, string> | undefined;
    if (!existing && plan === "Free" && labels && Object.keys(labels).length > 0) {
      await zc.putLabels(id, labels);
      last = await zc.describe(id);
    }
    if (inputs.desiredStatus === "SUSPENDED" && normalizeClusterStatus(last.status) !== "SUSPENDED") {
      await zc.suspend(id);
      last = await waitStatus(ctx, zc, id, "SUSPENDED", inputs);
    }
  } catch (e) {
    throw partialState(id, partialOuts(), e);
  }
  return { id, outs: outputs({ ...inputs, projectId }, last, secrets) };
}

async function read(ctx: RuntimeContext, id: string, props: Record<string, unknown>) {
  const zc = client(ctx, props);
  let c: ClusterInfo;
  try {
    c = await zc.describe(id);
  } catch (e) {
    if (isNotFound(e)) return {};
    throw e;
  }
  if (normalizeClusterStatus(c.status) === "DELETED") return {};
  const known = pickInputs(props, CLUSTER_INPUT_KEYS);
  // `get()` passes no inputs: everything comes from the server then.
  const base: Record<string, unknown> = known.plan !== undefined ? known : {
    clusterName: c.clusterName, plan: isDedicated(c.plan) ? c.plan : "Serverless", regionId: c.regionId, projectId: c.projectId,
    ...(isDedicated(c.plan) ? { cuType: c.cuType, cuSize: c.cuSize, replica: c.replica || 1 } : {}),
  };
  const outs = outputs(base, c, { username: props.username, password: props.password });
  const inputs: Record<string, unknown> = { ...base, clusterName: c.clusterName };
  for (const k of ["cuSize", "replica", "cuType", "projectId"] as const) if (base[k] !== undefined) inputs[k] = outs[k];
  if (base.labels !== undefined || outs.labels !== undefined) inputs.labels = outs.labels ?? {};
  const status = normalizeClusterStatus(c.status);
  if (base.desiredStatus !== undefined && (status === "RUNNING" || status === "SUSPENDED")) inputs.desiredStatus = status;
  return { id, props: outs, inputs };
}

async function update(ctx: RuntimeContext, id: string, olds: Record<string, unknown>, news: Record<string, unknown>) {
  const zc = client(ctx, news);
  const plan = planClusterDiff(olds, news);
  const steps = [...plan.updates];
  // Resume before resizing, suspend after: a suspended cluster cannot be modified.
  if (news.desiredStatus !== "SUSPENDED" && steps.includes("desiredStatus")) steps.unshift(steps.splice(steps.indexOf("desiredStatus"), 1)[0]!);
  const projectId = olds.projectId;
  try {
    for (const step of steps) {
      switch (step) {
        case "clusterName":
          await zc.rename(id, news.clusterName as string);
          break;
        case "labels":
          await zc.putLabels(id, (news.labels as Record<string, string>) ?? {});
          break;
        case "cuSize":
          await zc.modify(id, { cuSize: (news.cuSize as number) ?? 1 });
          await waitStatus(ctx, zc, id, "RUNNING", news);
          break;
        case "replica":
          await zc.modify(id, { replica: (news.replica as number) ?? 1 });
          await waitStatus(ctx, zc, id, "RUNNING", news);
          break;
        case "desiredStatus": {
          const target = (news.desiredStatus as string) ?? "RUNNING";
          const now = normalizeClusterStatus((await zc.describe(id)).status);
          if (now !== target) await (target === "SUSPENDED" ? zc.suspend(id) : zc.resume(id));
          await waitStatus(ctx, zc, id, target, news);
          break;
        }
        default:
          // Local-only inputs (wait deadline, apiVersion): nothing to send.
          break;
      }
    }
  } catch (e) {
    const now = await zc.describe(id).catch(() => undefined);
    throw partialState(id, now ? outputs({ ...olds, projectId }, now, olds) : olds, e);
  }
  return { outs: outputs({ ...news, projectId }, await zc.describe(id), { username: olds.username, password: olds.password }) };
}

async function remove(ctx: RuntimeContext, id: string, props: Record<string, unknown>): Promise<void> {
  const zc = client(ctx, props);
  const statusNow = async (): Promise<string> => {
    try {
      return normalizeClusterStatus((await zc.describe(id)).status);
    } catch (e) {
      if (isNotFound(e)) return "GONE";
      throw e;
    }
  };
  // Already gone (or going): a deleted cluster stays describable as DELETED for a while, and drop refuses it.
  const before = await statusNow();
  if (before === "GONE" || before === "DELETED") return;
  if (before !== "DELETING") {
    try {
      await zc.drop(id);
    } catch (e) {
      if (isNotFound(e)) return;
      throw e;
    }
  }
  await waitFor({
    poll: statusNow,
    check: (s) => (s === "GONE" || s === "DELETED" ? "done" : "pending"),
    timeoutMs: deadlineMs(props, DEFAULT_CLUSTER_WAIT_SECONDS),
    intervalMs: ctx.pollIntervalMs,
    description: `cluster ${id} to be deleted`,
    onProgress: (s, ms) => ctx.log(`cluster ${id}: ${s}, waiting for deletion (${Math.round(ms / 1000)} s)`),
  });
}

/** The Cluster's run-time operations. */
export const clusterOps: ResourceOps = { schema: clusterInputsSchema, plan: planClusterDiff, create, read, update, delete: remove };
