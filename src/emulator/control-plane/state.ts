/** The control plane's state: plain JSON-serialisable records, so a dump and the state file are the same shape. */
import type { ClusterKind } from "../ids";
import type { AutoscalingSettings, CloudResourceSections } from "./cloud-records";

/** A project. `createTime` is epoch milliseconds (rendered ISO in v2, `createTimeMilli` in v1). */
export interface ProjectRecord {
  projectId: string;
  projectName: string;
  plan: string;
  regionIds: string[];
  createTime: number;
}

/** A status the emulator keeps; the suspend pair may be rendered as STOPPING/STOPPED. */
export type ClusterStatus =
  | "CREATING"
  | "RUNNING"
  | "MODIFYING"
  | "SUSPENDING"
  | "SUSPENDED"
  | "RESUMING"
  | "DELETING"
  | "DELETED";

/** An asynchronous operation under way, completed by the cluster transition mode. */
export interface PendingOperation {
  op: "create" | "modify" | "suspend" | "resume" | "drop";
  startedAt: number;
  /** Values applied when a modify completes (the new size shows once RUNNING again). */
  changes?: { cuSize?: number; replica?: number; autoscaling?: AutoscalingSettings };
}

/** A cluster. */
export interface ClusterRecord {
  clusterId: string;
  clusterName: string;
  projectId: string;
  regionId: string;
  kind: ClusterKind;
  plan: string;
  cuType: string;
  cuSize: number;
  replica: number;
  description: string;
  status: ClusterStatus;
  createTime: number;
  labels: Record<string, string>;
  username: string;
  password: string;
  /** `http://127.0.0.1:<port>` of its data plane; "" once deleted. */
  connectAddress: string;
  /** The port to ask for again after a restart. */
  port: number;
  pending?: PendingOperation;
  /** CU and replica autoscaling; absent in state files written before it existed. */
  autoscaling?: AutoscalingSettings;
}

/** A control-plane import job, executed by the cluster's data plane under `dataPlaneJobId`. */
export interface ImportJobRecord {
  jobId: string;
  clusterId: string;
  dataPlaneJobId: string;
  collectionName: string;
  objectUrl: string;
  createTime: number;
}

/** Everything the control plane remembers. */
export interface ControlPlaneState extends CloudResourceSections {
  projects: ProjectRecord[];
  clusters: ClusterRecord[];
  importJobs: ImportJobRecord[];
}
