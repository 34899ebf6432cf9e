/**
 * Clusters and their state machine (zilliz-cloud-api.md §2.4). Transient states settle lazily when a cluster
 * is read, from the operation's start time and the current "cluster" transition mode, so time mode needs no
 * timers and a restored state file resumes where it stopped.
 */
import { EmulatorError } from "../errors";
import { newClusterId, newPassword, type ClusterKind } from "../ids";
import type { ApiVersion } from "../render";
import type { TransitionMode } from "../transition-mode";
import { checkAutoscaling, clampToRange, startValue } from "./autoscaling-rules";
import { isKnownRegion } from "./catalog";
import { checkClusterName, checkCuSize, checkCuType, checkDedicatedPlan, checkReplica } from "./cluster-rules";
import type { ProjectStore } from "./project-store";
import type { ClusterRecord, ClusterStatus, ControlPlaneState, PendingOperation } from "./state";

/** What a create call answers with. */
export interface CreatedCluster {
  cluster: ClusterRecord;
  username: string;
  password: string;
}

/** Hooks into the owner: the cluster's data-plane endpoint goes away when it reaches DELETED. */
export interface ClusterStoreOptions {
  now(): number;
  mode(): TransitionMode;
  onDeleted(cluster: ClusterRecord): void;
}

const TRANSIENT_OF: Record<PendingOperation["op"], ClusterStatus> = {
  create: "CREATING",
  modify: "MODIFYING",
  suspend: "SUSPENDING",
  resume: "RESUMING",
  drop: "DELETING",
};

/** Cluster rules over the shared state. */
export class ClusterStore {
  constructor(
    private readonly state: ControlPlaneState,
    private readonly projects: ProjectStore,
    private readonly options: ClusterStoreOptions,
  ) {}

  /** Every cluster that still exists (DELETED ones answer describe but leave lists). */
  listLive(filter: { projectId?: string; regionId?: string } = {}): ClusterRecord[] {
    this.settleAll();
    return this.state.clusters.filter(
      (c) =>
        c.status !== "DELETED" &&
        (filter.projectId === undefined || c.projectId === filter.projectId) &&
        (filter.regionId === undefined || c.regionId === filter.regionId),
    );
  }

  /** Describe: unknown → 96018/80020. A v1 call only sees clusters of its region. */
  get(clusterId: unknown, regionId?: string): ClusterRecord {
    if (typeof clusterId !== "string" || clusterId === "") throw new EmulatorError("clusterIdEmpty");
    const cluster = this.state.clusters.find((c) => c.clusterId === clusterId);
    if (!cluster || (regionId !== undefined && cluster.regionId !== regionId)) throw new EmulatorError("clusterNotFound");
    this.settle(cluster);
    return cluster;
  }

  /** createFree / createServerless (v2) and createServerless (v1). */
  createServerless(kind: "free" | "serverless", body: Record<string, unknown>, regionId: unknown, version: ApiVersion): CreatedCluster {
    const clusterName = checkClusterName(body.clusterName);
    const project = this.projects.get(body.projectId);
    const region = this.checkRegion(regionId);
    this.checkUniqueName(project.projectId, clusterName);
    const clusterId = newClusterId(kind);
    const username = "db_" + clusterId.slice(5);
    // Why: a Free cluster has been observed describing itself with plan "Serverless" [O].
    const plan = version === "v1" && kind === "free" ? "Free" : "Serverless";
    return this.insert({ kind, clusterId, clusterName, projectId: project.projectId, regionId: region, plan, cuType: "", cuSize: 0, replica: 1, username, labels: labelsOf(body.labels) });
  }

  /** createDedicated (v2) and create (v1). */
  createDedicated(body: Record<string, unknown>, regionId: unknown, version: ApiVersion): CreatedCluster {
    const clusterName = checkClusterName(body.clusterName);
    const project = this.projects.get(body.projectId);
    const region = this.checkRegion(regionId);
    const plan = checkDedicatedPlan(body.plan, version);
    const cuType = checkCuType(version === "v1" ? (body.cuType ?? body.clusterType) : body.cuType);
    // Why: with autoscaling.cu (or .replica) set, create may leave cuSize (or replica) out [C].
    const autoscaling = version === "v2" && body.autoscaling !== undefined ? checkAutoscaling(body, undefined, plan, typeof body.replica === "number" ? body.replica : 1) : undefined;
    const cuSize = body.cuSize === undefined && autoscaling?.cu ? startValue(autoscaling.cu) : checkCuSize(body.cuSize, plan, version);
    const replica = body.replica === undefined ? (autoscaling?.replica ? startValue(autoscaling.replica) : 1) : checkReplica(body.replica, cuSize, 10);
    this.checkUniqueName(project.projectId, clusterName);
    const clusterId = newClusterId("dedicated");
    const fields = { kind: "dedicated" as const, clusterId, clusterName, projectId: project.projectId, regionId: region, plan, cuType, cuSize, replica, username: "db_admin", labels: labelsOf(body.labels) };
    return this.insert(autoscaling ? { ...fields, autoscaling } : fields);
  }

  /** modify: `cuSize` and/or `replica`; MODIFYING → RUNNING, new values shown once RUNNING. */
  modify(clusterId: unknown, body: Record<string, unknown>, version: ApiVersion, regionId?: string): ClusterRecord {
    const cluster = this.requireDedicated(clusterId, regionId);
    this.requireStatus(cluster, "RUNNING");
    const changes: NonNullable<PendingOperation["changes"]> = {};
    if (body.cuSize !== undefined) changes.cuSize = checkCuSize(body.cuSize, cluster.plan, version);
    if (body.replica !== undefined) changes.replica = checkReplica(body.replica, changes.cuSize ?? cluster.cuSize, 10);
    if (changes.cuSize === undefined && changes.replica === undefined && body.autoscaling === undefined) {
      throw new EmulatorError("invalidCuSize");
    }
    if (changes.cuSize !== undefined && body.replica === undefined) checkReplica(cluster.replica, changes.cuSize, 10);
    if (body.autoscaling !== undefined) changes.autoscaling = checkAutoscaling(body, cluster.autoscaling, cluster.plan, changes.replica ?? cluster.replica);
    this.begin(cluster, { op: "modify", startedAt: this.options.now(), changes });
    return cluster;
  }

  modifyReplica(clusterId: unknown, body: Record<string, unknown>): ClusterRecord {
    const cluster = this.requireDedicated(clusterId);
    this.requireStatus(cluster, "RUNNING");
    const replica = checkReplica(body.replica, cluster.cuSize, 8);
    this.begin(cluster, { op: "modify", startedAt: this.options.now(), changes: { replica } });
    return cluster;
  }

  /** modifyProperties: a rename, applied at once. */
  rename(clusterId: unknown, body: Record<string, unknown>): ClusterRecord {
    const cluster = this.get(clusterId);
    this.requireNotDeleting(cluster);
    const name = checkClusterName(body.clusterName);
    if (name !== cluster.clusterName) this.checkUniqueName(cluster.projectId, name);
    cluster.clusterName = name;
    return cluster;
  }

  setLabels(clusterId: unknown, labels: unknown): ClusterRecord {
    const cluster = this.get(clusterId);
    this.requireNotDeleting(cluster);
    cluster.labels = labelsOf(labels);
    return cluster;
  }

  suspend(clusterId: unknown, regionId?: string): ClusterRecord {
    const cluster = this.requireDedicated(clusterId, regionId);
    this.requireStatus(cluster, "RUNNING");
    this.begin(cluster, { op: "suspend", startedAt: this.options.now() });
    return cluster;
  }

  resume(clusterId: unknown, regionId?: string): ClusterRecord {
    const cluster = this.requireDedicated(clusterId, regionId);
    this.requireStatus(cluster, "SUSPENDED");
    this.begin(cluster, { op: "resume", startedAt: this.options.now() });
    return cluster;
  }

  /** drop: from any state but DELETING/DELETED; replaces an operation under way. */
  drop(clusterId: unknown, regionId?: string): ClusterRecord {
    const cluster = this.get(clusterId, regionId);
    this.requireNotDeleting(cluster);
    this.begin(cluster, { op: "drop", startedAt: this.options.now() });
    return cluster;
  }

  /** createProgress 0–100: time-proportional in time mode, 0 in manual mode, 100 once created. */
  createProgress(cluster: ClusterRecord): number {
    if (cluster.pending?.op !== "create") return 100;
    const mode = this.options.mode();
    if (mode.kind !== "time" || mode.ms === 0) return 0;
    return Math.min(99, Math.floor(((this.options.now() - cluster.pending.startedAt) / mode.ms) * 100));
  }

  /** Completes manual (or any) operations under way: all clusters, or one. */
  advance(clusterId?: string): void {
    for (const cluster of this.state.clusters) {
      if (clusterId !== undefined && cluster.clusterId !== clusterId) continue;
      if (cluster.pending) this.complete(cluster);
    }
  }

  /** Settles every cluster (used before a dump and before lists). */
  settleAll(): void {
    for (const cluster of this.state.clusters) this.settle(cluster);
  }

  private settle(cluster: ClusterRecord): void {
    const pending = cluster.pending;
    if (!pending) return;
    const mode = this.options.mode();
    const done = mode.kind === "immediate" || (mode.kind === "time" && this.options.now() - pending.startedAt >= mode.ms);
    if (done) this.complete(cluster);
  }

  private complete(cluster: ClusterRecord): void {
    const pending = cluster.pending;
    if (!pending) return;
    cluster.pending = undefined;
    switch (pending.op) {
      case "modify":
        if (pending.changes?.cuSize !== undefined) cluster.cuSize = pending.changes.cuSize;
        if (pending.changes?.replica !== undefined) cluster.replica = pending.changes.replica;
        if (pending.changes?.autoscaling !== undefined) {
          cluster.autoscaling = pending.changes.autoscaling;
          cluster.cuSize = clampToRange(cluster.cuSize, cluster.autoscaling.cu);
          cluster.replica = clampToRange(cluster.replica, cluster.autoscaling.replica);
        }
        cluster.status = "RUNNING";
        break;
      case "suspend":
        cluster.status = "SUSPENDED";
        break;
      case "drop":
        cluster.status = "DELETED";
        this.options.onDeleted(cluster);
        break;
      default:
        cluster.status = "RUNNING";
    }
  }

  private begin(cluster: ClusterRecord, pending: PendingOperation): void {
    cluster.pending = pending;
    cluster.status = TRANSIENT_OF[pending.op];
  }

  private insert(fields: Omit<ClusterRecord, "status" | "createTime" | "description" | "password" | "connectAddress" | "port" | "pending">): CreatedCluster {
    const password = newPassword();
    const now = this.options.now();
    const cluster: ClusterRecord = {
      ...fields,
      description: "",
      status: "CREATING",
      createTime: now,
      password,
      connectAddress: "",
      port: 0,
      pending: { op: "create", startedAt: now },
    };
    this.state.clusters.push(cluster);
    return { cluster, username: fields.username, password };
  }

  private checkRegion(regionId: unknown): string {
    if (typeof regionId !== "string" || !isKnownRegion(regionId)) throw new EmulatorError("invalidRegionId");
    return regionId;
  }

  private checkUniqueName(projectId: string, clusterName: string): void {
    const taken = this.state.clusters.some(
      (c) => c.projectId === projectId && c.clusterName === clusterName && c.status !== "DELETED" && c.status !== "DELETING",
    );
    if (taken) throw new EmulatorError("duplicateClusterName");
  }

  private requireDedicated(clusterId: unknown, regionId?: string): ClusterRecord {
    const cluster = this.get(clusterId, regionId);
    if (cluster.kind === "free") throw new EmulatorError("freeNotSupported");
    if (cluster.kind === "serverless") throw new EmulatorError("serverlessNotSupported");
    return cluster;
  }

  private requireStatus(cluster: ClusterRecord, status: ClusterStatus): void {
    if (cluster.status !== status) throw new EmulatorError("wrongClusterState");
  }

  private requireNotDeleting(cluster: ClusterRecord): void {
    if (cluster.status === "DELETING" || cluster.status === "DELETED") throw new EmulatorError("wrongClusterState");
  }
}

function labelsOf(value: unknown): Record<string, string> {
  if (value === undefined || value === null) return {};
  if (typeof value !== "object" || Array.isArray(value)) throw new EmulatorError("missingParameter", "labels must be an object.");
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, String(v)]));
}

