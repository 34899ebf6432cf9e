/**
 * The one table of control-plane error codes the emulator answers with, and the named error the store
 * throws. The store names the failure (`kind`); the renderer picks the v1 or v2 code for it, because the
 * two API versions report the same condition under different codes (e.g. unknown cluster: 96018 vs 80020).
 * Codes marked [G] in docs/emulator.md are the emulator's choice where the real service is not recorded.
 */

/** A code and its message as the real service writes them. */
export interface WireError {
  code: number;
  message: string;
}

const CLUSTER_NOT_FOUND_V2 = "Cluster not found. Please use the ListClusters API to check the cluster ID.";

/** Every failure the emulator can report, with its v2 and v1 wire form. */
export const ERROR_TABLE = {
  invalidApiKey: {
    v2: { code: 21119, message: "The apikey is illegal" },
    v1: {
      code: 80001,
      message:
        "Invalid token: Your token is not valid. Please double-check your request parameters and ensure that you have provided a valid token.",
    },
  },
  invalidParameter: {
    v2: { code: 80000, message: "Incorrect parameter: the request body is not valid JSON." },
    v1: { code: 80000, message: "Incorrect parameter: the request body is not valid JSON." },
  },
  invalidCloudId: {
    v2: { code: 96000, message: "Invalid cloudId. Please use the ListCloudProviders API to check the cloud ID." },
    v1: { code: 63032, message: "CloudId does not exist." },
  },
  invalidRegionId: {
    v2: { code: 96001, message: "Invalid regionId. Please use the ListCloudRegions API to check the region ID." },
    v1: { code: 90102, message: "The cluster does not exist in this region." },
  },
  invalidCuSize: {
    v2: { code: 96002, message: "Invalid cuSize. The value must be a positive integer." },
    v1: { code: 80006, message: "Invalid cuSize. The value must be an integer from 1 to 256." },
  },
  invalidCuType: {
    v2: { code: 96003, message: "Invalid cuType. Please check the supported CU types." },
    v1: { code: 80005, message: "Invalid clusterType or cuType." },
  },
  invalidDedicatedPlan: {
    v2: { code: 96004, message: "Invalid plan. The plan of a dedicated cluster must be Standard or Enterprise." },
    v1: { code: 80013, message: "Invalid plan. The plan must be Standard or Enterprise." },
  },
  invalidServerlessPlan: {
    v2: { code: 96004, message: "Invalid plan." },
    v1: { code: 90155, message: "Invalid plan. The plan must be Free or Serverless." },
  },
  invalidProjectId: {
    v2: { code: 96005, message: "Invalid projectId. The project ID looks like proj-xxxxxxxxxxxxxxxxxxxxxx." },
    v1: { code: 80014, message: "Invalid projectId." },
  },
  projectNotFound: {
    v2: { code: 96012, message: "No permission on the project, or the project does not exist." },
    v1: { code: 80015, message: "The project does not exist or you have no permission to access it." },
  },
  invalidPageSize: {
    v2: { code: 96008, message: "Invalid pageSize. The value must be from 1 to 100." },
    v1: { code: 80003, message: "Invalid pageSize. The value must be from 5 to 100." },
  },
  invalidCurrentPage: {
    v2: { code: 96009, message: "Invalid currentPage. The value must be from 1 to MaxInt." },
    v1: { code: 80004, message: "Invalid currentPage. The value must be from 1 to MaxInt." },
  },
  invalidClusterName: {
    v2: { code: 96010, message: "Invalid clusterName. The name may contain only letters, digits and hyphens." },
    v1: { code: 80009, message: "Invalid clusterName. The name may contain only letters, digits and hyphens, at most 32 characters." },
  },
  duplicateClusterName: {
    v2: { code: 40013, message: "The specified cluster name already exists." },
    v1: {
      code: 80010,
      message: "Duplicated ClusterName. You have already created an exist Cluster with the same name, please use another name.",
    },
  },
  clusterNotFound: {
    v2: { code: 96018, message: CLUSTER_NOT_FOUND_V2 },
    v1: { code: 80020, message: "The cluster does not exist or you have no permission to access it." },
  },
  freeNotSupported: {
    v2: { code: 96021, message: "Free cluster does not support this operation." },
    v1: { code: 80021, message: "Serverless cluster does not support this operation." },
  },
  serverlessNotSupported: {
    v2: { code: 96022, message: "Serverless cluster does not support this operation." },
    v1: { code: 80021, message: "Serverless cluster does not support this operation." },
  },
  invalidClassSpec: {
    v2: { code: 96023, message: "No such class. Please check the cuType, cuSize, replica and plan combination." },
    v1: { code: 80006, message: "Invalid cuSize. The value must be an integer from 1 to 256." },
  },
  clusterIdEmpty: {
    v2: { code: 96025, message: "clusterId is empty." },
    v1: { code: 90103, message: "The clusterId parameter is empty." },
  },
  jobNotFound: {
    v2: { code: 96026, message: "Job not found. Please check your request parameter." },
    v1: { code: 90144, message: "The jobId was not found in this cluster." },
  },
  invalidClusterId: {
    v2: { code: 96036, message: "Invalid clusterId." },
    v1: { code: 80020, message: "The cluster does not exist or you have no permission to access it." },
  },
  wrongClusterState: {
    v2: { code: 40003, message: "The operation is not available given the cluster's current state." },
    v1: { code: 40003, message: "The operation is not available given the cluster's current state." },
  },
  planDowngrade: {
    v2: { code: 63104, message: "Project plan can only be upgraded, not downgraded." },
    v1: { code: 63104, message: "Project plan can only be upgraded, not downgraded." },
  },
  collectionNotFound: {
    v2: { code: 47005, message: "The collection does not exist." },
    v1: { code: 47005, message: "The collection does not exist." },
  },
  missingObjectUrl: {
    v2: { code: 90145, message: "No objectUrl key was found in the request." },
    v1: { code: 90145, message: "No objectUrl key was found in the request." },
  },
  invalidObjectUrl: {
    v2: { code: 10003, message: "Invalid s3 objectUrl." },
    v1: { code: 10003, message: "Invalid s3 objectUrl." },
  },
  objectAccessDenied: {
    v2: { code: 83001, message: "Failed to read the object meta: access denied. Check the access key, the secret key and the object URL." },
    v1: { code: 83001, message: "Failed to read the object meta: access denied. Check the access key, the secret key and the object URL." },
  },
  noImportContent: {
    v2: { code: 90142, message: "No import content was found at the object URL." },
    v1: { code: 90142, message: "No import content was found at the object URL." },
  },
  dataPlaneError: {
    v2: { code: 65535, message: "The cluster's Milvus data plane refused the request." },
    v1: { code: 65535, message: "The cluster's Milvus data plane refused the request." },
  },
  // Rows for API keys, backups and volumes (zilliz-cloud-api.md §2.6, §4.2). Codes 96028–96040 are documented;
  // the rest (404 for a gone API key aside) are the emulator's choice, listed as guesses in docs/emulator.md.
  apiKeyNotFound: {
    v2: { code: 404, message: "The API key does not exist." },
    v1: { code: 404, message: "The API key does not exist." },
  },
  apiKeyLimit: {
    v2: { code: 96041, message: "The organization already has 100 API keys, the maximum." },
    v1: { code: 96041, message: "The organization already has 100 API keys, the maximum." },
  },
  enterpriseOnly: {
    v2: { code: 96028, message: "This feature is only available on the Enterprise plan." },
    v1: { code: 96028, message: "This feature is only available on the Enterprise plan." },
  },
  invalidBackupType: {
    v2: { code: 96029, message: "Invalid backupType. The value must be CLUSTER or COLLECTION." },
    v1: { code: 96029, message: "Invalid backupType. The value must be CLUSTER or COLLECTION." },
  },
  invalidCreationMethod: {
    v2: { code: 96030, message: "Invalid creationMethod. The value must be MANUAL or AUTO." },
    v1: { code: 96030, message: "Invalid creationMethod. The value must be MANUAL or AUTO." },
  },
  invalidBackupFrequency: {
    v2: { code: 96032, message: "Invalid backup policy frequency. Use ISO weekdays 1-7 separated by commas, such as 1,3,5." },
    v1: { code: 96032, message: "Invalid backup policy frequency. Use ISO weekdays 1-7 separated by commas, such as 1,3,5." },
  },
  invalidBackupStartTime: {
    v2: { code: 96033, message: "Invalid startTime. Use a UTC window such as 02:00-04:00." },
    v1: { code: 96033, message: "Invalid startTime. Use a UTC window such as 02:00-04:00." },
  },
  invalidRetentionDays: {
    v2: { code: 96034, message: "Invalid retentionDays. The value must be an integer from 1 to 30." },
    v1: { code: 96034, message: "Invalid retentionDays. The value must be an integer from 1 to 30." },
  },
  backupCreationFailed: {
    v2: { code: 96038, message: "Failed to create the backup." },
    v1: { code: 96038, message: "Failed to create the backup." },
  },
  invalidTargetCollectionStatus: {
    v2: { code: 96037, message: "Invalid targetCollectionStatus. The value must be KEEP, LOAD or RELEASE." },
    v1: { code: 96037, message: "Invalid targetCollectionStatus. The value must be KEEP, LOAD or RELEASE." },
  },
  clusterRestoreFailed: {
    v2: { code: 96040, message: "Failed to restore the cluster." },
    v1: { code: 96040, message: "Failed to restore the cluster." },
  },
  backupNotFound: {
    v2: { code: 96042, message: "The backup does not exist." },
    v1: { code: 96042, message: "The backup does not exist." },
  },
  volumeNotFound: {
    v2: { code: 96043, message: "The volume does not exist." },
    v1: { code: 96043, message: "The volume does not exist." },
  },
  duplicateVolumeName: {
    v2: { code: 96044, message: "The volume name already exists." },
    v1: { code: 96044, message: "The volume name already exists." },
  },
  invalidVolumeName: {
    v2: { code: 96045, message: "Invalid volumeName. Use letters, digits, hyphens and underscores, starting with a letter, at most 64 characters." },
    v1: { code: 96045, message: "Invalid volumeName. Use letters, digits, hyphens and underscores, starting with a letter, at most 64 characters." },
  },
  noProjectPermission: {
    v2: { code: 96013, message: "No permission on the project: the operation needs an organization owner or a project owner." },
    v1: { code: 96013, message: "No permission on the project: the operation needs an organization owner or a project owner." },
  },
  apiKeyClusterScope: {
    v2: { code: 96016, message: "No permission on the cluster: it is outside the API key's scope." },
    v1: { code: 96016, message: "No permission on the cluster: it is outside the API key's scope." },
  },
  apiKeyProjectScope: {
    v2: { code: 96027, message: "No permission on the project: it is outside the API key's scope." },
    v1: { code: 96027, message: "No permission on the project: it is outside the API key's scope." },
  },
  privateEndpointNotFound: {
    v2: { code: 96046, message: "The private endpoint is not registered in this project and region." },
    v1: { code: 96046, message: "The private endpoint is not registered in this project and region." },
  },
  duplicatePrivateEndpoint: {
    v2: { code: 96047, message: "The private endpoint is already registered in this project and region." },
    v1: { code: 96047, message: "The private endpoint is already registered in this project and region." },
  },
  whitelistEntryNotFound: {
    v2: { code: 96048, message: "The whitelist entry does not exist." },
    v1: { code: 96048, message: "The whitelist entry does not exist." },
  },
  missingParameter: {
    v2: { code: 80000, message: "Incorrect parameter: a required field is missing." },
    v1: { code: 80000, message: "Incorrect parameter: a required field is missing." },
  },
} as const satisfies Record<string, { v1: WireError; v2: WireError }>;

/** The name of a failure in {@link ERROR_TABLE}. */
export type ErrorKind = keyof typeof ERROR_TABLE;

/** Thrown by the store and the routes; rendered as HTTP 200 with the version's code (401 for auth). */
export class EmulatorError extends Error {
  readonly kind: ErrorKind;
  /** Overrides the table (a data-plane error passed through with its own code). */
  readonly override?: WireError;

  constructor(kind: ErrorKind, detail?: string, override?: WireError) {
    super(detail ? `${ERROR_TABLE[kind].v2.message} ${detail}` : ERROR_TABLE[kind].v2.message);
    this.name = "EmulatorError";
    this.kind = kind;
    this.override = override;
  }

  /** The code and message for one API version; details are appended the way the real texts add them. */
  wire(version: "v1" | "v2"): WireError {
    return this.override ?? ERROR_TABLE[this.kind][version];
  }
}
