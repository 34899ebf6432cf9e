/** The control plane's parts as the routes see them. */
import type { ClusterStore } from "./cluster-store";
import type { ImportJobStore } from "./import-jobs";
import type { ProjectStore } from "./project-store";
import type { ClusterRecord } from "./state";
import type { VolumeStore } from "./volume-store";
import type { ViewOptions } from "./views";

export interface ControlPlane {
  projects: ProjectStore;
  clusters: ClusterStore;
  imports: ImportJobStore;
  /** Volumes, for imports that name a `volumeName` (set once the volume store exists). */
  volumes?: VolumeStore;
  view: ViewOptions;
  /** Region a v1 call acts in when its query has no `regionId`. */
  defaultRegion: string;
  /** Gives a new cluster its own data-plane endpoint and sets `connectAddress`. */
  openEndpoint(cluster: ClusterRecord): Promise<void>;
}

/** The prompts the real service attaches to accepted asynchronous calls. */
export const PROMPTS = {
  create:
    "Successfully submitted. Cluster is being created, which is expected to take 10 minutes. You can access data about the creation progress and status of your cluster by DescribeCluster API. Once the cluster status is RUNNING, you may access your vector database using the SDK.",
  modify:
    "Successfully submitted. Cluster is being upgraded, which is expected to take several minutes. You can access data about the progress and status of your cluster by DescribeCluster API. Once the cluster status is RUNNING, you may access your vector database using the SDK.",
  suspend:
    "Successfully Submitted. The cluster will not incur any computing costs when suspended. You will only be billed for the storage costs during this time.",
  resume:
    "Successfully Submitted. Cluster is being resumed, which is expected to take several minutes. You can access data about the progress and status of your cluster by DescribeCluster API. Once the cluster status is RUNNING, you may access your vector database using the SDK.",
  dropV2:
    "The cluster has been deleted. If you consider this action to be an error, you have the option to restore the deleted cluster from the recycle bin within a 30-day period. Kindly note, this recovery feature does not apply to free clusters.",
  dropV1:
    "The Cluster has been deleted. If you consider this action to be an error, you can restore the deleted cluster within 30 days (this not include serverless).",
} as const;
