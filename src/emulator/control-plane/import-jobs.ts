/**
 * Control-plane import jobs (v2 `/v2/vectordb/jobs/import/*`, v1 `/v1/vector/collections/import*`). The job is
 * executed by the cluster's data plane; this layer keeps the cloud `job-…` id and translates vocabularies.
 */
import { dataPlaneErrorCode, type DataPlane, type DataPlaneImportJob } from "../data-plane-port";
import { ERROR_TABLE, EmulatorError } from "../errors";
import { newImportJobId } from "../ids";
import type { ClusterStore } from "./cluster-store";
import type { ControlPlaneState, ImportJobRecord } from "./state";
import type { S3Credentials } from "../data-plane-port";

const CLUSTER_ID = /^in0[135]-[0-9a-f]{15}$/;
const OBJECT_URL = /^(s3|s3a|gs|az|azure|https?|file):\/\/./;
/** Milvus's "collection not found" code, mapped to the control plane's 47005. */
const MILVUS_COLLECTION_NOT_FOUND = 100;

/** A job joined with its data-plane progress. */
export interface ImportJobView {
  record: ImportJobRecord;
  progress: DataPlaneImportJob;
}

/** Import job rules. */
export class ImportJobStore {
  constructor(
    private readonly state: ControlPlaneState,
    private readonly clusters: ClusterStore,
    private readonly dataPlaneOf: (clusterId: string) => DataPlane | undefined,
    private readonly now: () => number,
  ) {}

  /**
   * Starts a job on a RUNNING cluster; the units are the inner lists of `objectUrls` or the legacy `objectUrl`.
   * With an object store, folder URLs are listed into their files and every object is read once with the
   * request's `accessKey`/`secretKey`/`token` first: keys the store refuses answer 83001, a folder with nothing
   * to import answers 90142, and no job is made.
   */
  async create(body: Record<string, unknown>, regionId?: string): Promise<ImportJobRecord> {
    const clusterId = this.checkClusterId(body.clusterId);
    const cluster = this.clusters.get(clusterId, regionId);
    if (typeof body.collectionName !== "string" || body.collectionName === "") {
      throw new EmulatorError("missingParameter", "collectionName");
    }
    const requested = objectUnitsOf(body);
    if (cluster.status !== "RUNNING") throw new EmulatorError("wrongClusterState");
    const dataPlane = this.dataPlaneOf(clusterId);
    if (!dataPlane) throw new EmulatorError("wrongClusterState");
    const credentials = credentialsOf(body);
    const resolved = (await dataPlane.resolveObjectUnits?.(requested, credentials)) ?? { units: requested };
    if ("denied" in resolved) throw new EmulatorError("objectAccessDenied", undefined, { code: 83001, message: `${ERROR_TABLE.objectAccessDenied.v2.message} (${resolved.denied})` });
    if ("empty" in resolved) throw new EmulatorError("noImportContent", undefined, { code: 90142, message: `${ERROR_TABLE.noImportContent.v2.message} (${resolved.empty})` });
    const units = resolved.units;
    const urls = units.flat();
    let started: { jobId: string };
    try {
      started = dataPlane.startImport({
        dbName: typeof body.dbName === "string" ? body.dbName : undefined,
        collectionName: body.collectionName,
        partitionName: typeof body.partitionName === "string" ? body.partitionName : undefined,
        objectUrls: urls,
        units,
        credentials,
      });
    } catch (error) {
      const wire = dataPlaneErrorCode(error);
      if (!wire) throw error;
      if (wire.code === MILVUS_COLLECTION_NOT_FOUND) throw new EmulatorError("collectionNotFound");
      // Other refusals pass through as the observed 65535 "Milvus data-plane error", with Milvus's text.
      throw new EmulatorError("dataPlaneError", undefined, { code: 65535, message: wire.message });
    }
    const record: ImportJobRecord = {
      jobId: newImportJobId(),
      clusterId,
      dataPlaneJobId: started.jobId,
      collectionName: body.collectionName,
      // The URL as the user gave it (a folder URL stays a folder URL).
      objectUrl: requested[0]![0]!,
      createTime: this.now(),
    };
    this.state.importJobs.push(record);
    return record;
  }

  /** One job with its progress: unknown → 96026/90144. */
  get(clusterIdValue: unknown, jobId: unknown, regionId?: string): ImportJobView {
    const clusterId = this.checkClusterId(clusterIdValue);
    this.clusters.get(clusterId, regionId);
    if (typeof jobId !== "string" || jobId === "") throw new EmulatorError("jobNotFound");
    const record = this.state.importJobs.find((j) => j.jobId === jobId && j.clusterId === clusterId);
    const progress = record ? this.progressOf(record) : undefined;
    if (!record || !progress) throw new EmulatorError("jobNotFound");
    return { record, progress };
  }

  /** The cluster's jobs, newest first. */
  list(clusterIdValue: unknown, regionId?: string): ImportJobView[] {
    const clusterId = this.checkClusterId(clusterIdValue);
    this.clusters.get(clusterId, regionId);
    const views: ImportJobView[] = [];
    for (const record of this.state.importJobs.filter((j) => j.clusterId === clusterId).reverse()) {
      const progress = this.progressOf(record);
      if (progress) views.push({ record, progress });
    }
    return views;
  }

  private progressOf(record: ImportJobRecord): DataPlaneImportJob | undefined {
    return this.dataPlaneOf(record.clusterId)?.importJob(record.dataPlaneJobId);
  }

  private checkClusterId(value: unknown): string {
    if (value === undefined || value === null || value === "") throw new EmulatorError("clusterIdEmpty");
    if (typeof value !== "string" || !CLUSTER_ID.test(value)) throw new EmulatorError("invalidClusterId");
    return value;
  }
}

/** The import units: each inner list of `objectUrls` (a bare string is a unit of one), or `[[objectUrl]]`. */
function objectUnitsOf(body: Record<string, unknown>): string[][] {
  let units: unknown[][];
  if (Array.isArray(body.objectUrls)) units = body.objectUrls.map((unit: unknown) => (Array.isArray(unit) ? unit : [unit])).filter((unit) => unit.length > 0);
  else if (body.objectUrl !== undefined) units = [[body.objectUrl]];
  else throw new EmulatorError("missingObjectUrl");
  if (units.length === 0) throw new EmulatorError("missingObjectUrl");
  for (const url of units.flat()) if (typeof url !== "string" || !OBJECT_URL.test(url)) throw new EmulatorError("invalidObjectUrl");
  return units as string[][];
}

/** The bucket keys of the request; both empty means a public bucket (unsigned requests). */
function credentialsOf(body: Record<string, unknown>): S3Credentials {
  const text = (value: unknown) => (typeof value === "string" ? value : "");
  const token = text(body.token) || text(body.sessionToken);
  return { accessKey: text(body.accessKey), secretKey: text(body.secretKey), ...(token ? { sessionToken: token } : {}) };
}
