/**
 * The durable note of which job an ImportJob resource submitted: the collection property
 * `pulumi-zilliz.import.<ownerMark>` = the job id, written right after the submit. A job list cannot tell a
 * finished job of an interrupted run from an earlier import of the same files (no API reports when a job was
 * created); this note can. Best effort: the import never fails because the note could not be read or written.
 */
import { isNotFound } from "../../client";
import { milvusClient } from "../shared/data-plane-target";
import { errorText, type RuntimeContext } from "../shared/runtime-context";
import type { ImportJobInputs } from "./import-job-spec";

/** Property key prefix of the notes (never one of the Collection's own properties: it reports managed keys only). */
export const IMPORT_MARKER_PREFIX = "pulumi-zilliz.import.";

/** Reads, writes and clears one resource's note. */
export interface ImportMarker {
  /** The job id noted, or undefined (none, or it could not be read). */
  read(): Promise<string | undefined>;
  write(jobId: string): Promise<void>;
  /** Removes the note if it still names `jobId` (a replacement may already have noted its own job). */
  clear(jobId: string): Promise<void>;
}

/** The note of this resource, or undefined where there is none to keep (v1, no mark). */
export function importMarker(ctx: RuntimeContext, p: Partial<ImportJobInputs>): ImportMarker | undefined {
  if (p.ownerMark === undefined || p.apiVersion === "v1" || p.collectionName === undefined) return undefined;
  const key = IMPORT_MARKER_PREFIX + p.ownerMark;
  const ref = { collectionName: p.collectionName, ...(p.dbName ? { dbName: p.dbName } : {}) };
  const client = () => milvusClient(ctx, { clusterId: p.clusterId, endpoint: p.endpoint, token: p.token, dbName: p.dbName });
  const read = async () => {
    try {
      const d = await (await client()).collections.describe(ref);
      return (d.properties ?? []).find((kv) => kv.key === key)?.value;
    } catch (e) {
      if (!isNotFound(e)) ctx.log(`import into ${p.collectionName}: could not read the job note (${errorText(e)})`);
      return undefined;
    }
  };
  return {
    read,
    write: async (jobId) => {
      try {
        await (await client()).collections.alterProperties({ ...ref, properties: { [key]: jobId } });
      } catch (e) {
        ctx.log(`import job ${jobId}: could not note the job on collection ${p.collectionName} (${errorText(e)}); an interrupted run could not find it by this note`);
      }
    },
    clear: async (jobId) => {
      if ((await read()) !== jobId) return;
      try {
        await (await client()).collections.dropProperties({ ...ref, propertyKeys: [key] });
      } catch (e) {
        if (!isNotFound(e)) ctx.log(`import job ${jobId}: could not remove its note from collection ${p.collectionName} (${errorText(e)})`);
      }
    },
  };
}
