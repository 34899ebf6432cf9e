/**
 * Control plane v2: the project calls that change something (`zilliz-cloud-api.md` §2.2). The read calls
 * live in `meta.ts`; this class adds create, delete, plan upgrade and regions on top of them.
 */
import { z } from "zod";
import { path } from "../path";
import type { Transport } from "../transport";
import { Projects } from "./meta";

/** Body of `POST /v2/projects`. */
export interface CreateProjectRequest {
  projectName: string;
  /** `Standard` (older docs), `Enterprise`, or `BusinessCritical` (needed for more than one region). */
  plan: string;
  regionIds?: string[];
}

type Opts = { signal?: AbortSignal };

// Docs: `data: {projectId}`; observed: `data: "proj-…"` (the bare string). Both are accepted.
const createdProjectSchema = z.union([z.string().transform((projectId) => ({ projectId })), z.object({ projectId: z.string() })]);

/** Every v2 project call: list and describe (inherited), create, delete, plan upgrade, add regions. */
export class ProjectsV2 extends Projects {
  constructor(private readonly transport: Transport) {
    super(transport, "v2");
  }

  /** `POST /v2/projects`. Never retried: a retry after a lost answer could make a second project. */
  create(body: CreateProjectRequest, o: Opts = {}): Promise<{ projectId: string }> {
    return this.transport.call({ method: "POST", path: "/v2/projects", body, schema: createdProjectSchema, idempotent: false, signal: o.signal });
  }
  /** `DELETE /v2/projects/{id}`. Refused by the server while the project still holds clusters. */
  async delete(projectId: string, o: Opts = {}): Promise<void> {
    await this.transport.call({ method: "DELETE", path: path`/v2/projects/${projectId}`, schema: z.unknown(), idempotent: true, signal: o.signal });
  }
  /** `PATCH /v2/projects/{id}/plan`. A downgrade answers 63104 ("can only be upgraded"). */
  async upgradePlan(projectId: string, plan: string, o: Opts = {}): Promise<void> {
    await this.transport.call({ method: "PATCH", path: path`/v2/projects/${projectId}/plan`, body: { plan }, schema: z.unknown(), idempotent: true, signal: o.signal });
  }
  /** `POST /v2/projects/{id}/regions`: adds regions (there is no call that removes one). */
  async addRegions(projectId: string, regionIds: string[], o: Opts = {}): Promise<void> {
    await this.transport.call({ method: "POST", path: path`/v2/projects/${projectId}/regions`, body: { regionIds }, schema: z.unknown(), idempotent: true, signal: o.signal });
  }
}
