/**
 * Records of the control-plane resources beyond projects and clusters (zilliz-cloud-api.md §2.6): API keys,
 * backups, backup policies and volumes. Plain JSON, like the rest of the state, so the state file holds them.
 */

/** One project grant of an API key. `volumeIds` are volume names (volumes are identified by name). */
export interface ApiKeyProjectGrant {
  projectId: string;
  role: string;
  allCluster: boolean;
  clusterIds: string[];
  allVolume: boolean;
  volumeIds: string[];
}

/** A created API key. The value is kept so the key can authenticate; it is shown only by create. */
export interface ApiKeyRecord {
  apiKeyId: string;
  apiKey: string;
  name: string;
  orgRole: string;
  projects: ApiKeyProjectGrant[];
  createTime: number;
}

/** The status of a backup; CREATING settles to AVAILABLE through the cluster transition mode. */
export type BackupStatus = "CREATING" | "AVAILABLE";

/** An on-demand (MANUAL) backup of a cluster or of some collections. */
export interface BackupRecord {
  backupId: string;
  backupName: string;
  jobId: string;
  clusterId: string;
  projectId: string;
  regionId: string;
  backupType: "CLUSTER" | "COLLECTION";
  creationMethod: "MANUAL" | "AUTO";
  dbCollections: Array<{ dbName: string; collectionNames: string[] }>;
  crossRegionCopies: Array<{ regionId: string; retentionDays?: number }>;
  status: BackupStatus;
  createTime: number;
  /** When the CREATING state began; cleared once AVAILABLE. */
  startedAt?: number;
  endTime?: number;
  /** The cluster's data-plane snapshot when the backup was taken (what restoreCluster brings back). */
  snapshot?: unknown;
  /** Restores made from this backup, each tracked by a cloud job. */
  restores?: RestoreRecord[];
}

/** A restoreCluster run: its job follows the new cluster's creation. */
export interface RestoreRecord {
  jobId: string;
  clusterId: string;
  startTime: number;
}

/** The automatic backup policy of a Dedicated cluster. */
export interface BackupPolicyRecord {
  clusterId: string;
  frequency: string;
  startTime: string;
  retentionDays: number;
  enabled: boolean;
  crossRegionCopies: Array<{ regionId: string; retentionDays?: number }>;
}

/** A volume: MANAGED (storage the service provides) or EXTERNAL (a storage integration plus a path). */
export interface VolumeRecord {
  volumeName: string;
  projectId: string;
  regionId: string;
  type: "MANAGED" | "EXTERNAL";
  storageIntegrationId?: string;
  path?: string;
  status: "CREATING" | "RUNNING";
  createTime: number;
  startedAt?: number;
}

/**
 * The optional state sections these records live in. Optional because state files written before they existed
 * must still load: each store creates its section on first use.
 */
export interface CloudResourceSections {
  apiKeys?: ApiKeyRecord[];
  backups?: BackupRecord[];
  backupPolicies?: BackupPolicyRecord[];
  volumes?: VolumeRecord[];
  privateEndpoints?: PrivateEndpointRecord[];
  privateEndpointWhitelist?: WhitelistEntryRecord[];
}

/** A customer private endpoint registered with a project in one region. */
export interface PrivateEndpointRecord {
  projectId: string;
  regionId: string;
  /** The customer's endpoint id (an AWS `vpce-…`, an Azure resource id, a GCP endpoint name). */
  endpointId: string;
  /** GCP only: the customer's project that owns the endpoint. */
  gcpProjectId?: string;
  createTime: number;
}

/** [G] A whitelist entry: the customer account (AWS account, Azure subscription, GCP project) allowed to connect. */
export interface WhitelistEntryRecord {
  projectId: string;
  regionId: string;
  accountId: string;
  createTime: number;
}

/** A fixed autoscaling range. */
export interface AutoscalingRange {
  min: number;
  max: number;
}

/** One scheduled target (a cron expression in a time zone). */
export interface AutoscalingSchedule {
  cron: string;
  target: number;
  timezone: string;
}

/** A range or a schedule list; the two exclude each other. */
export type AutoscalingRule = AutoscalingRange | { schedules: AutoscalingSchedule[] };

/** A Dedicated cluster's autoscaling settings (zilliz-cloud-api.md §2.3 modify/createDedicated). */
export interface AutoscalingSettings {
  cu?: AutoscalingRule;
  replica?: AutoscalingRule;
}
