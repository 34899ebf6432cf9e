/**
 * Control plane v2: private endpoints of a project and the PrivateLink whitelist (`zilliz-cloud-api.md` §2.6,
 * known from the Terraform provider's client). Lists are accepted both as a bare array and as the paged
 * `{endpoints | whitelist, count, …}` object, since only the latter is recorded.
 */
import { z } from "zod";
import { path, query } from "../path";
import type { Transport } from "../transport";

export const privateEndpointSchema = z.object({
  projectId: z.string().optional(),
  regionId: z.string(),
  endpointId: z.string(),
  cloudId: z.string().optional(),
  gcpProjectId: z.string().nullish(),
  endpointService: z.string().optional(),
  endpointStatus: z.string().optional(),
  status: z.string().optional(),
  createTime: z.string().optional(),
});
/** A registered private endpoint. */
export type PrivateEndpoint = z.output<typeof privateEndpointSchema>;

export const whitelistEntrySchema = z.object({
  projectId: z.string().optional(),
  regionId: z.string(),
  /** The customer's cloud account (AWS account id, Azure subscription, GCP project). */
  outerUserId: z.string(),
  createTime: z.string().optional(),
});
/** One PrivateLink whitelist entry. */
export type WhitelistEntry = z.output<typeof whitelistEntrySchema>;

/** A list answered as a bare array or as `{<key>: [...], count?}`. */
function listOf<T extends z.ZodType>(item: T, key: string) {
  return z.union([z.array(item), z.object({ [key]: z.array(item).nullish() }).transform((o) => (o[key] ?? []) as z.output<T>[])]);
}

type Opts = { signal?: AbortSignal };
/** Where an endpoint is: its region (and GCP project on GCP). */
export interface EndpointPlace {
  regionId: string;
  gcpProjectId?: string;
}

const PAGE_SIZE = 100;

/** `/v2/projects/{id}/privateEndpoints…` and `/v2/privateEndpointServices`. */
export class PrivateEndpoints {
  constructor(private readonly t: Transport) {}

  /** `GET /v2/privateEndpointServices?regionId=`: the service a customer endpoint connects to. */
  services(regionId: string, o: Opts = {}): Promise<unknown> {
    return this.t.call({ method: "GET", path: `/v2/privateEndpointServices${query({ regionId })}`, schema: z.unknown(), idempotent: true, signal: o.signal });
  }
  /** `POST …/privateEndpoints`: registers an endpoint. Not retried blindly (a second one answers a duplicate). */
  register(projectId: string, body: { regionId: string; endpointId: string; gcpProjectId?: string }, o: Opts = {}): Promise<unknown> {
    return this.t.call({ method: "POST", path: path`/v2/projects/${projectId}/privateEndpoints`, body, schema: z.unknown(), idempotent: false, signal: o.signal });
  }
  /** `GET …/privateEndpoints?regionId=`: the project's endpoints (one region when given). */
  list(projectId: string, o: Opts & { regionId?: string } = {}): Promise<PrivateEndpoint[]> {
    return this.t.call({
      method: "GET",
      path: path`/v2/projects/${projectId}/privateEndpoints` + query({ regionId: o.regionId, pageSize: PAGE_SIZE, currentPage: 1 }),
      schema: listOf(privateEndpointSchema, "endpoints"),
      idempotent: true,
      signal: o.signal,
    });
  }
  /** `DELETE …/privateEndpoints/{endpointId}?regionId=&gcpProjectId=`. */
  async delete(projectId: string, endpointId: string, place: EndpointPlace, o: Opts = {}): Promise<void> {
    await this.t.call({ method: "DELETE", path: path`/v2/projects/${projectId}/privateEndpoints/${endpointId}` + query({ ...place }), schema: z.unknown(), idempotent: true, signal: o.signal });
  }
  /** `POST …/privateEndpointWhitelist` `{regionId, outerUserId}`: adding an entry twice is harmless. */
  async addWhitelist(projectId: string, body: { regionId: string; outerUserId: string }, o: Opts = {}): Promise<void> {
    await this.t.call({ method: "POST", path: path`/v2/projects/${projectId}/privateEndpointWhitelist`, body, schema: z.unknown(), idempotent: true, signal: o.signal });
  }
  /** `GET …/privateEndpointWhitelist?regionId=` (served by zilliz-local; see docs/emulator.md). */
  listWhitelist(projectId: string, o: Opts & { regionId?: string } = {}): Promise<WhitelistEntry[]> {
    return this.t.call({
      method: "GET",
      path: path`/v2/projects/${projectId}/privateEndpointWhitelist` + query({ regionId: o.regionId }),
      schema: listOf(whitelistEntrySchema, "whitelist"),
      idempotent: true,
      signal: o.signal,
    });
  }
  /** `DELETE …/privateEndpointWhitelist/{outerUserId}?regionId=`. */
  async deleteWhitelist(projectId: string, outerUserId: string, regionId: string, o: Opts = {}): Promise<void> {
    await this.t.call({ method: "DELETE", path: path`/v2/projects/${projectId}/privateEndpointWhitelist/${outerUserId}` + query({ regionId }), schema: z.unknown(), idempotent: true, signal: o.signal });
  }
}
