import { resourceClass, type ResourceInstance } from "../shared/resource-class";
import type { ArgsOf } from "../shared/spec";
import { importJobSpec, type ImportJobSpec } from "./import-job-spec";

/** Arguments of an {@link ImportJob} (documented property by property in its spec). */
export type ImportJobArgs = ArgsOf<ImportJobSpec>;

/**
 * A bulk import into a collection, submitted once and awaited until Completed. A Failed job, or a wait that
 * runs out, keeps the job id in the stack; the next `up` follows it again and never resubmits it. Only a
 * change of the files (`objectUrls`, or `volumeName`/`dataPaths` for an import from a {@link Volume}) runs a
 * new import; a renamed collection or a new token are only recorded. Deleting
 * it only removes it from the stack: the imported rows stay. The id is the job id.
 *
 * @example
 * new ImportJob("load", { clusterId: cluster.id, collectionName: docs.collectionName, objectUrls: ["s3://bucket/docs.parquet"], accessKey, secretKey });
 * new ImportJob("staged", { clusterId: cluster.id, collectionName: docs.collectionName, volumeName: volume.id, dataPaths: ["rows/part-0.json"] });
 */
export const ImportJob = resourceClass<ImportJobSpec>("ImportJob", importJobSpec);
/** An {@link ImportJob} instance. */
export type ImportJob = ResourceInstance<ImportJobSpec>;
