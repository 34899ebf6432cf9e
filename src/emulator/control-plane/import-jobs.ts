/**
 * Control-plane import jobs (v2 `/v2/vectordb/jobs/import/*`, v1 `/v1/vector/collections/import*`). The job is
 * executed by the cluster's data plane; this layer keeps the cloud `job-…` id and translates vocabularies.
 */
import { dataPlaneErrorCode, type DataPlane, type DataPlaneImportJob } from "../data-plane-port";
import { EmulatorError } from "../errors";
import { newImportJobId } from "../ids";
import type { ClusterStore } from "./cluster-store";
import type { ControlPlaneState, ImportJobRecord } from "./state";

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

  /** Starts a job on a RUNNING cluster; the url list is `objectUrls` (flattened) or the legacy `objectUrl`. */
  create(body: Record<string, unknown>, regionId?: string): ImportJobRecord {
    const clusterId = this.checkClusterId(body.clusterId);
    const cluster = this.clusters.get(clusterId, regionId);
    if (typeof body.collectionName !== "string" || body.collectionName === "") {
      throw new EmulatorError("missingParameter", "collectionName");
    }
    const urls = objectUrlsOf(body);
    if (cluster.status !== "RUNNING") throw new EmulatorError("wrongClusterState");
    const dataPlane = this.dataPlaneOf(clusterId);
    if (!dataPlane) throw new EmulatorError("wrongClusterState");
    let started: { jobId: string };
    try {
      started = dataPlane.startImport({
        dbName: typeof body.dbName === "string" ? body.dbName : undefined,
        collectionName: body.collectionName,
        partitionName: typeof body.partitionName === "string" ? body.partitionName : undefined,
        objectUrls: urls,
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
      objectUrl: urls[0],
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

function objectUrlsOf(body: Record<string, unknown>): string[] {
  let urls: unknown[];
  if (Array.isArray(body.objectUrls)) urls = body.objectUrls.flat();
  else if (body.objectUrl !== undefined) urls = [body.objectUrl];
  else throw new EmulatorError("missingObjectUrl");
  if (urls.length === 0) throw new EmulatorError("missingObjectUrl");
  for (const url of urls) if (typeof url !== "string" || !OBJECT_URL.test(url)) throw new EmulatorError("invalidObjectUrl");
  return urls as string[];
}
