/** Control plane v2: clouds, regions and projects (`zilliz-cloud-api.md` §2.1–2.2). */
import { z } from "zod";
import { path, query } from "../path";
import type { Transport } from "../transport";

export const cloudSchema = z.object({ cloudId: z.string(), description: z.string().optional() });
/** A cloud provider, e.g. `{cloudId: "aws", description: "Amazon Web Services"}`. */
export type Cloud = z.output<typeof cloudSchema>;

export const regionSchema = z.object({
  cloudId: z.string(),
  regionId: z.string(),
  /** v2: the API host of the region. */
  domain: z.string().optional(),
  /** v1: `https://api.{regionId}.zillizcloud.com`. */
  apiBaseUrl: z.string().optional(),
});
/** A region a cloud offers. */
export type Region = z.output<typeof regionSchema>;

export const projectSchema = z.object({
  projectId: z.string(),
  projectName: z.string(),
  /** A number in real responses; the docs type it as a string. */
  instanceCount: z.union([z.number(), z.string().transform(Number)]).optional(),
  createTime: z.string().optional(),
  /** v1 only: epoch milliseconds. */
  createTimeMilli: z.number().optional(),
  plan: z.string().optional(),
  regionIds: z.array(z.string()).optional(),
  orgType: z.string().optional(),
});
/** A project. */
export type Project = z.output<typeof projectSchema>;

/** `GET /{v}/clouds`. */
export class Clouds {
  constructor(private readonly t: Transport, private readonly version: "v1" | "v2" = "v2") {}
  /** Lists the cloud providers. */
  list(opts: { signal?: AbortSignal } = {}): Promise<Cloud[]> {
    return this.t.call({ method: "GET", path: `/${this.version}/clouds`, schema: z.array(cloudSchema), idempotent: true, signal: opts.signal });
  }
}

/** `GET /{v}/regions`. */
export class Regions {
  constructor(private readonly t: Transport, private readonly version: "v1" | "v2" = "v2") {}
  /** Lists regions, optionally of one cloud. */
  list(opts: { cloudId?: string; signal?: AbortSignal } = {}): Promise<Region[]> {
    return this.t.call({ method: "GET", path: `/${this.version}/regions${query({ cloudId: opts.cloudId })}`, schema: z.array(regionSchema), idempotent: true, signal: opts.signal });
  }
}

/** `GET /{v}/projects[/{id}]`. */
export class Projects {
  constructor(private readonly t: Transport, private readonly version: "v1" | "v2" = "v2") {}
  /** Lists every project the key can see (not paged). */
  list(opts: { signal?: AbortSignal } = {}): Promise<Project[]> {
    return this.t.call({ method: "GET", path: `/${this.version}/projects`, schema: z.array(projectSchema), idempotent: true, signal: opts.signal });
  }
  /** Describes one project (v2 only). */
  describe(projectId: string, opts: { signal?: AbortSignal } = {}): Promise<Project> {
    return this.t.call({ method: "GET", path: path`/v2/projects/${projectId}`, schema: projectSchema, idempotent: true, signal: opts.signal });
  }
}
