/**
 * Raw REST questions to zilliz-local for e2e assertions: what really exists on the control plane and on a
 * cluster's data plane, asked with plain fetch (never through `src/client`), and counts from the call log.
 */
import type { CallSummary, TestEmulator } from "./emulator";

/** A cluster as `GET /v2/clusters/{id}` answers it. */
export interface RawCluster {
  clusterId: string;
  clusterName: string;
  projectId: string;
  status: string;
  cuSize: number;
  cuType: string;
  connectAddress: string;
  [key: string]: unknown;
}

async function controlCall(emulator: TestEmulator, method: string, path: string, body?: unknown): Promise<any> {
  const res = await fetch(`${emulator.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${emulator.apiKey}`, ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return res.json();
}

/** A control-plane v2 call; throws unless it answered code 0. */
export async function cloud(emulator: TestEmulator, method: string, path: string, body?: unknown): Promise<any> {
  const answer = await controlCall(emulator, method, path, body);
  if (answer.code !== 0) throw new Error(`${method} ${path} answered ${JSON.stringify(answer)}`);
  return answer.data;
}

/** Every cluster that is not DELETED or DELETING (all projects). */
export async function liveClusters(emulator: TestEmulator): Promise<RawCluster[]> {
  const data = await cloud(emulator, "GET", "/v2/clusters?pageSize=100");
  return (data.clusters as RawCluster[]).filter((c) => c.status !== "DELETED" && c.status !== "DELETING");
}

/** One cluster as described by the control plane. */
export function describeCluster(emulator: TestEmulator, clusterId: string): Promise<RawCluster> {
  return cloud(emulator, "GET", `/v2/clusters/${clusterId}`);
}

/** The id of the org's Default Project. */
export async function defaultProjectId(emulator: TestEmulator): Promise<string> {
  const projects = (await cloud(emulator, "GET", "/v2/projects")) as Array<{ projectId: string; projectName: string }>;
  return projects.find((p) => p.projectName === "Default Project")!.projectId;
}

/** Creates a Dedicated cluster behind the stack's back; answers its id, username and password. */
export async function createClusterOutside(
  emulator: TestEmulator,
  args: { clusterName: string; projectId?: string; cuSize?: number; cuType?: string; plan?: string; regionId?: string },
): Promise<{ clusterId: string; username: string; password: string }> {
  return cloud(emulator, "POST", "/v2/clusters/createDedicated", {
    projectId: args.projectId ?? (await defaultProjectId(emulator)),
    regionId: args.regionId ?? "aws-us-west-2",
    plan: args.plan ?? "Enterprise",
    cuType: args.cuType ?? "Performance-optimized",
    cuSize: args.cuSize ?? 1,
    clusterName: args.clusterName,
  });
}

/** A data-plane REST v2 call on a cluster's `connectAddress`, with the org API key. */
export async function dataPlane(emulator: TestEmulator, connectAddress: string, path: string, body: unknown): Promise<any> {
  const res = await fetch(`${connectAddress}/v2/vectordb/${path}`, {
    method: "POST",
    headers: { Authorization: `Bearer ${emulator.apiKey}`, "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

/** The collection's row count on the data plane. */
export async function rowCount(emulator: TestEmulator, connectAddress: string, collectionName: string): Promise<number> {
  const stats = await dataPlane(emulator, connectAddress, "collections/get_stats", { collectionName });
  if (stats.code !== 0) throw new Error(`get_stats ${collectionName}: ${JSON.stringify(stats)}`);
  return Number(stats.data.rowCount);
}

/** Calls in the log whose path matches, e.g. import submissions (`/jobs/import/create`, v1 `/collections/import`). */
export function countCalls(summary: CallSummary, test: (call: CallSummary["calls"][number]) => boolean): number {
  return summary.calls.filter(test).length;
}

/** Import submissions of every kind (control plane v2 and v1, data-plane `jobs/import/create`). */
export function importSubmissions(summary: CallSummary): number {
  return countCalls(summary, (c) => c.method === "POST" && (/\/jobs\/import\/create$/.test(c.path) || /\/vector\/collections\/import$/.test(c.path)));
}

/** API calls that are not control endpoints (the control endpoints are never logged, this is belt and braces). */
export function apiCalls(summary: CallSummary): CallSummary["calls"] {
  return summary.calls.filter((c) => !c.path.startsWith("/__emulator"));
}
