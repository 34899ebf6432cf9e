/**
 * Where a data-plane resource's Milvus is and how it signs in, shared by every data-plane resource:
 * `clusterId` (a Zilliz Cloud cluster, endpoint resolved at apply time) or `endpoint` (any Milvus URL),
 * a token, and the database.
 */
import { z } from "zod";
import { MilvusClient } from "../../client";
import { CLUSTER_ID_PATTERN, cloudClient } from "./cloud-client";
import { effectiveToken } from "./lost-password";
import { requireApiKey } from "./provider-config";
import type { RuntimeContext } from "./runtime-context";
import type { DiffPlan } from "./plan";
import { input, type Props } from "./spec";
import { containsUnknown } from "./unknowns";

/** Milvus name rule for databases, collections, fields, indexes: a letter or `_` first, then letters, digits, `_`. */
export const MILVUS_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,254}$/;
/** A Milvus object name, with the rule in the error. */
export const milvusName = (what: string) => z.string().regex(MILVUS_NAME, `not a valid ${what}: a letter or _ first, then letters, digits or _ (at most 255)`);
/** A Zilliz Cloud cluster id. */
export const clusterIdType = z.string().regex(CLUSTER_ID_PATTERN, "expected a cluster id like in01-0123abcd… (wire it as cluster.id)");

/** An endpoint without a trailing slash, with lower-case scheme and host (what the server does not distinguish). */
export function canonicalEndpoint(url: unknown): unknown {
  if (typeof url !== "string") return url;
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname.replace(/\/+$/, "")}`;
  } catch {
    return url;
  }
}

/** The target properties of a data-plane resource whose change of target means a new object. */
export const dataPlaneTarget = {
  /**
   * The Zilliz Cloud cluster the object lives in, wired as `cluster.id` (give this or `endpoint`). The
   * data-plane endpoint is looked up when the provider applies a change, so resizing or renaming the
   * cluster never plans anything for this resource. Changing it replaces the object.
   * @example cluster.id
   */
  clusterId: input(clusterIdType.optional(), { change: "replace", whenUnknown: "replace" }),
  /**
   * A data-plane URL instead of `clusterId`: a self-hosted Milvus, or a cluster's `connectAddress`.
   * Changing it replaces the object; while it is unknown in a preview (its cluster is being updated) the
   * plan shows an update, and `up` replaces only if the URL really changed.
   * @example "http://localhost:19530"
   */
  endpoint: input(z.url({ protocol: /^https?$/, message: "endpoint must be an http(s) URL such as https://in01-….zillizcloud.com" }).optional(), { change: "replace", canonical: canonicalEndpoint }),
  /**
   * Data-plane token (secret): an API key or `user:password`. Default: the provider's `zilliz:apiKey`.
   * Updates in place (no server call).
   * @example pulumi.interpolate`${cluster.username}:${cluster.password}`
   */
  token: input(z.string().optional(), { change: "local", secret: true }),
  /**
   * The database. Default `default`. Changing it replaces the object.
   * @example "analytics"
   */
  dbName: input(milvusName("database name").optional(), { change: "replace", default: "default" }),
};

/** The target values of a data-plane resource. */
export interface TargetInputs {
  clusterId?: string;
  endpoint?: string;
  token?: string;
  dbName?: string;
  /** The data-plane URL a stored state was last reached at (see {@link DATA_PLANE_ENDPOINT_KEY}). */
  storedEndpoint?: string;
}

/**
 * The state key (bookkeeping, not a property of the class) that keeps the data-plane URL of an object wired by
 * `clusterId`, so that a refresh or destroy in a new provider process reads it without first describing the
 * cluster: refresh costs exactly one call per data-plane object. A cluster's URL never changes while its id
 * stays, and a create or update writes the URL it used.
 */
export const DATA_PLANE_ENDPOINT_KEY = "dataPlaneEndpoint";

/** `check`: exactly one of `clusterId` and `endpoint`. */
export function refineTarget(v: TargetInputs, ctx: z.RefinementCtx): void {
  if ((v.clusterId === undefined) === (v.endpoint === undefined)) {
    ctx.addIssue({ code: "custom", path: [v.clusterId === undefined ? "clusterId" : "endpoint"], message: "give exactly one of clusterId (a Zilliz Cloud cluster: cluster.id) or endpoint (a Milvus URL)" });
  }
}

// One control-plane lookup per cluster per provider process: every resource of a refresh shares it.
const endpoints = new Map<string, Promise<string>>();
// The same, once known (what a state stores; a promise cannot be read synchronously).
const settled = new Map<string, string>();

const endpointKey = (ctx: RuntimeContext, clusterId: string) => `${ctx.config.cloudApiUrl ?? ""}|${clusterId}`;

/** Remembers the promised data-plane URL of a cluster, unless one is remembered already; a failure is forgotten. */
function rememberEndpoint(key: string, clusterId: string, describing: Promise<{ connectAddress?: string; status?: string }>): Promise<string> {
  const known = endpoints.get(key);
  if (known) return known;
  const found = describing.then((c) => {
    if (!c.connectAddress) throw new Error(`cluster ${clusterId} has no connectAddress yet (status ${c.status})`);
    settled.set(key, c.connectAddress);
    return c.connectAddress;
  });
  // A failed lookup is not remembered: the next call asks again.
  found.catch(() => endpoints.delete(key));
  endpoints.set(key, found);
  return found;
}

/**
 * Lends the Cluster resource's own describe of a cluster (its create, update or refresh in this provider
 * process) to the data-plane resources on that cluster, so they need no describe of their own: an `up` from
 * empty then makes no endpoint lookup at all, since every data-plane create waits for its cluster.
 */
export function shareClusterDescribe(ctx: RuntimeContext, clusterId: string, describing: Promise<{ connectAddress?: string; status?: string }>): void {
  rememberEndpoint(endpointKey(ctx, clusterId), clusterId, describing);
}

/** The data-plane URL of a target, resolving a cluster id through the control plane. */
export function resolveEndpoint(ctx: RuntimeContext, t: TargetInputs): Promise<string> {
  if (t.endpoint !== undefined) return Promise.resolve(t.endpoint);
  if (t.clusterId === undefined) return Promise.reject(new Error("no data-plane target: give clusterId or endpoint"));
  const key = endpointKey(ctx, t.clusterId);
  const known = endpoints.get(key);
  if (known) return known;
  if (t.storedEndpoint !== undefined) return rememberEndpoint(key, t.clusterId, Promise.resolve({ connectAddress: t.storedEndpoint }));
  return rememberEndpoint(key, t.clusterId, cloudClient(ctx).clusters.describe(t.clusterId));
}

/** The data-plane URL this process already knows for a target wired by `clusterId` (no call), for the state. */
export function knownEndpoint(ctx: RuntimeContext, t: TargetInputs): string | undefined {
  return t.clusterId === undefined ? undefined : settled.get(endpointKey(ctx, t.clusterId));
}

/** Forgets every endpoint this process knows (tests and tools that simulate a new provider process). */
export function forgetEndpoints(): void {
  endpoints.clear();
  settled.clear();
}

/** A data-plane client for the target (token: the input, else the provider's API key). */
export async function milvusClient(ctx: RuntimeContext, t: TargetInputs): Promise<MilvusClient> {
  const endpoint = await resolveEndpoint(ctx, t);
  const token = effectiveToken(ctx, t.token, t.clusterId !== undefined ? requireApiKey(ctx.config) : ctx.config.apiKey);
  return new MilvusClient({ endpoint, token, dbName: t.dbName });
}

/** The target part of a stored state (for read and delete). */
export function targetOf(p: Props): TargetInputs {
  const s = (k: string) => (typeof p[k] === "string" ? (p[k] as string) : undefined);
  return { clusterId: s("clusterId"), endpoint: s("endpoint"), token: s("token"), dbName: s("dbName"), storedEndpoint: s(DATA_PLANE_ENDPOINT_KEY) };
}

/** `{ collectionName, dbName? }` as the data-plane client takes it. */
export function collectionRef(p: { collectionName: string; dbName?: string }): { collectionName: string; dbName?: string } {
  return { collectionName: p.collectionName, ...(p.dbName ? { dbName: p.dbName } : {}) };
}

/**
 * Switching between the two wirings of one target (`endpoint: cluster.connectAddress` ↔ `clusterId: cluster.id`)
 * is not a new object: it plans an update, which {@link checkRetarget} verifies when applied. A new value that is
 * still unknown (a new cluster) keeps the replacement.
 */
export function retargetInPlace(plan: DiffPlan, olds: Props, news: Props): void {
  const wiring = (p: Props) => (p.clusterId !== undefined ? "cluster" : p.endpoint !== undefined ? "endpoint" : "none");
  if (wiring(olds) === wiring(news) || wiring(olds) === "none" || wiring(news) === "none") return;
  if (containsUnknown(news.clusterId) || containsUnknown(news.endpoint)) return;
  const keys = ["clusterId", "endpoint"];
  plan.replaces = plan.replaces.filter((k) => !keys.includes(k));
  for (const k of keys) if (!plan.updates.includes(k)) plan.updates.push(k);
}

/** The apply-time half of {@link retargetInPlace}: both wirings must reach the same data plane. */
export async function checkRetarget(ctx: RuntimeContext, olds: Props, news: TargetInputs): Promise<void> {
  const before = canonicalEndpoint(await resolveEndpoint(ctx, targetOf(olds)));
  const after = canonicalEndpoint(await resolveEndpoint(ctx, news));
  if (before !== after) {
    throw new Error(
      `clusterId/endpoint: the new target (${String(after)}) is not the data plane this object lives on (${String(before)}). ` +
        "To move the object, replace it: `pulumi up --replace <urn>`.",
    );
  }
}
