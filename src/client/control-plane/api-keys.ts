/**
 * Control plane v2: API keys (`zilliz-cloud-api.md` §2.6, `/v2/apiKeys`). The key's value is in the create
 * answer only; describe and list never carry it.
 */
import { z } from "zod";
import type { CodeOverrides } from "../error-codes";
import { paginate } from "../paginate";
import { path, query } from "../path";
import type { Transport } from "../transport";

/** One project grant of a key, as sent. */
export interface ApiKeyProjectGrant {
  projectId: string;
  /** Project role, e.g. `Owner`, `Admin`, `Read-Write`, `Read-Only`. */
  role: string;
  /** Every cluster of the project (also those made later). */
  allCluster?: boolean;
  clusterIds?: string[];
  /** Every volume of the project. */
  allVolume?: boolean;
  /** Volume names. */
  volumeIds?: string[];
}

/** Body of `POST /v2/apiKeys` (and of `PUT /v2/apiKeys/{id}`). */
export interface ApiKeyRequest {
  name: string;
  /** Org role, e.g. `Owner`, `Member`, `Billing Admin`. */
  orgRole: string;
  projects?: ApiKeyProjectGrant[];
}

const grantSchema = z.object({
  projectId: z.string(),
  projectName: z.string().optional(),
  role: z.string().optional(),
  allCluster: z.boolean().optional(),
  clusters: z.array(z.object({ clusterId: z.string(), clusterName: z.string().optional() })).nullish().transform((v) => v ?? []),
  allVolume: z.boolean().optional(),
  // Terraform reads volume entries by name; accept an object with `volumeName` (or `volumeId`) or a bare name.
  volumes: z
    .array(z.union([z.string(), z.object({ volumeName: z.string().optional(), volumeId: z.string().optional() })]))
    .nullish()
    .transform((v) => (v ?? []).map((x) => (typeof x === "string" ? x : (x.volumeName ?? x.volumeId ?? ""))).filter((x) => x !== "")),
});

export const apiKeyInfoSchema = z.object({
  apiKeyId: z.string(),
  name: z.string(),
  creatorName: z.string().optional(),
  createdBy: z.string().optional(),
  orgRole: z.string().optional(),
  projects: z.array(grantSchema).nullish().transform((v) => v ?? []),
  createTime: z.string().optional(),
});
/** An API key as describe reports it (never its value). */
export type ApiKeyInfo = z.output<typeof apiKeyInfoSchema>;

/** The create answer: the only time the value is seen. */
export interface CreatedApiKey {
  apiKeyId: string;
  apiKey: string;
}

// Terraform reads `code == 404` as "the key is gone".
const OVERRIDES: CodeOverrides = { 404: "not_found" };

type Opts = { signal?: AbortSignal };

/** `/v2/apiKeys` calls. */
export class ApiKeys {
  constructor(private readonly t: Transport) {}

  /** `POST /v2/apiKeys`. Never retried (a retry could make a second key). The answer holds the value. */
  create(body: ApiKeyRequest, o: Opts = {}): Promise<CreatedApiKey> {
    return this.t.call({ method: "POST", path: "/v2/apiKeys", body, schema: z.object({ apiKeyId: z.string(), apiKey: z.string() }), idempotent: false, overrides: OVERRIDES, signal: o.signal });
  }
  /** `GET /v2/apiKeys/{id}`. A gone key: NotFoundError (code 404). */
  describe(apiKeyId: string, o: Opts = {}): Promise<ApiKeyInfo> {
    return this.t.call({ method: "GET", path: path`/v2/apiKeys/${apiKeyId}`, schema: apiKeyInfoSchema, idempotent: true, overrides: OVERRIDES, signal: o.signal });
  }
  /** `GET /v2/apiKeys`, every page. */
  list(o: Opts & { pageSize?: number } = {}): AsyncIterable<ApiKeyInfo> {
    return paginate(async (currentPage, pageSize) => {
      const page = await this.t.call({
        method: "GET",
        path: `/v2/apiKeys${query({ pageSize, currentPage })}`,
        schema: z.object({ count: z.number().optional(), apiKeys: z.array(apiKeyInfoSchema).nullish().transform((v) => v ?? []) }),
        idempotent: true,
        overrides: OVERRIDES,
        signal: o.signal,
      });
      return { items: page.apiKeys, count: page.count };
    }, o.pageSize);
  }
  /** `PUT /v2/apiKeys/{id}`: sets name, org role and project grants. Setting the same values twice is harmless. */
  async update(apiKeyId: string, body: ApiKeyRequest, o: Opts = {}): Promise<void> {
    await this.t.call({ method: "PUT", path: path`/v2/apiKeys/${apiKeyId}`, body, schema: z.unknown(), idempotent: true, overrides: OVERRIDES, signal: o.signal });
  }
  /** `DELETE /v2/apiKeys/{id}`. A retry that finds nothing reports NotFoundError. */
  async delete(apiKeyId: string, o: Opts = {}): Promise<void> {
    await this.t.call({ method: "DELETE", path: path`/v2/apiKeys/${apiKeyId}`, schema: z.unknown(), idempotent: true, overrides: OVERRIDES, signal: o.signal });
  }
}
