/** Control plane v2: volumes (`zilliz-cloud-api.md` §2.6, `/v2/volumes`). A volume is identified by its name. */
import { z } from "zod";
import type { CodeOverrides } from "../error-codes";
import { paginate } from "../paginate";
import { path, query } from "../path";
import type { Transport } from "../transport";

/** Body of `POST /v2/volumes/create`. */
export interface CreateVolumeRequest {
  projectId: string;
  regionId: string;
  volumeName: string;
  /** `MANAGED` (default) or `EXTERNAL` (a path in the user's own bucket, through a storage integration). */
  type?: "MANAGED" | "EXTERNAL";
  storageIntegrationId?: string;
  path?: string;
}

export const volumeSchema = z.object({
  volumeName: z.string(),
  type: z.string().optional(),
  projectId: z.string().optional(),
  regionId: z.string().optional(),
  storageIntegrationId: z.string().nullish(),
  path: z.string().nullish(),
  /** `CREATING`, `RUNNING`, … */
  status: z.string().optional(),
  createTime: z.string().optional(),
});
/** A volume as describe reports it. */
export type Volume = z.output<typeof volumeSchema>;

// Not-found and duplicate codes of volumes are not in the documented list; these are the ones zilliz-local
// answers (docs/emulator.md, [G]). A real server's 404 status is not-found anyway.
const OVERRIDES: CodeOverrides = { 96043: "not_found", 96044: "already_exists" };

type Opts = { signal?: AbortSignal };

/** `/v2/volumes` calls. */
export class Volumes {
  constructor(private readonly t: Transport) {}

  /** `POST /v2/volumes/create`. Asynchronous: the volume starts CREATING. Never retried. */
  create(body: CreateVolumeRequest, o: Opts = {}): Promise<{ volumeName: string }> {
    return this.t.call({ method: "POST", path: "/v2/volumes/create", body, schema: z.object({ volumeName: z.string() }), idempotent: false, overrides: OVERRIDES, signal: o.signal });
  }
  /** `GET /v2/volumes/{name}`. Unknown volume: NotFoundError. */
  describe(volumeName: string, o: Opts = {}): Promise<Volume> {
    return this.t.call({ method: "GET", path: path`/v2/volumes/${volumeName}`, schema: volumeSchema, idempotent: true, overrides: OVERRIDES, signal: o.signal });
  }
  /** `GET /v2/volumes`, every page, optionally of one project or type. */
  list(o: Opts & { projectId?: string; type?: string; pageSize?: number } = {}): AsyncIterable<{ volumeName: string; type?: string }> {
    return paginate(async (currentPage, pageSize) => {
      const page = await this.t.call({
        method: "GET",
        path: `/v2/volumes${query({ projectId: o.projectId, type: o.type, pageSize, currentPage })}`,
        schema: z.object({ count: z.number().optional(), volumes: z.array(z.object({ volumeName: z.string(), type: z.string().optional() })).nullish().transform((v) => v ?? []) }),
        idempotent: true,
        overrides: OVERRIDES,
        signal: o.signal,
      });
      return { items: page.volumes, count: page.count };
    }, o.pageSize);
  }
  /** `DELETE /v2/volumes/{name}`. A retry that finds nothing reports NotFoundError. */
  async delete(volumeName: string, o: Opts = {}): Promise<void> {
    await this.t.call({ method: "DELETE", path: path`/v2/volumes/${volumeName}`, schema: z.unknown(), idempotent: true, overrides: OVERRIDES, signal: o.signal });
  }
}
