/**
 * One loopback HTTP endpoint per cluster, served by that cluster's data plane. A cluster's `connectAddress`
 * is `http://127.0.0.1:<port>`; after a restart the same port is asked for again and, when taken, another is
 * used and a note is kept.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { CallLog } from "./control/call-log";
import type { FaultInjector } from "./control/faults";
import type { ClusterRecord } from "./control-plane/state";
import type { DataPlane, DataPlaneFactory, ObjectStoreOptions } from "./data-plane-port";
import type { TransitionKind, TransitionMode } from "./transition-mode";

/** What the endpoints need from the emulator. */
export interface ClusterEndpointsOptions {
  host: string;
  apiKey: () => string;
  /**
   * True when `token` is a created API key whose scope reaches the cluster (issue 12): such a key is a
   * data-plane token on its own clusters and is refused (401, like an unknown token [G]) elsewhere.
   */
  createdKeyReaches?(token: string, clusterId: string): boolean;
  createDataPlane: DataPlaneFactory;
  transitionMode(kind: TransitionKind): TransitionMode;
  onChange(): void;
  faults: FaultInjector;
  calls: CallLog;
  note(text: string): void;
  importRoot?: string;
  objectStore?: ObjectStoreOptions;
}

interface Endpoint {
  plane: DataPlane;
  server: Server;
}

/** The running data planes, by cluster id. */
export class ClusterEndpoints {
  private readonly endpoints = new Map<string, Endpoint>();

  constructor(private readonly options: ClusterEndpointsOptions) {}

  /** Starts the cluster's data plane (restoring `snapshot` when given) and sets port and connectAddress. */
  async open(cluster: ClusterRecord, snapshot?: unknown): Promise<void> {
    const plane = this.options.createDataPlane({
      authenticate: (token) =>
        token !== undefined &&
        (token === this.options.apiKey() || token === `${cluster.username}:${cluster.password}` || (this.options.createdKeyReaches?.(token, cluster.clusterId) ?? false)),
      transitionMode: (kind) => this.options.transitionMode(kind),
      onChange: () => this.options.onChange(),
      importRoot: this.options.importRoot,
      objectStore: this.options.objectStore,
    });
    if (snapshot !== undefined) plane.restore(snapshot);
    const server = createServer((req, res) => void this.serve(cluster.clusterId, plane, req, res));
    const wanted = cluster.port;
    let port: number;
    try {
      port = await listen(server, this.options.host, wanted);
    } catch (error) {
      if (wanted === 0) throw error;
      port = await listen(server, this.options.host, 0);
      this.options.note(`cluster ${cluster.clusterId}: port ${wanted} was taken, its data plane now listens on ${port}`);
    }
    cluster.port = port;
    cluster.connectAddress = `http://${this.options.host}:${port}`;
    this.endpoints.set(cluster.clusterId, { plane, server });
  }

  get(clusterId: string): DataPlane | undefined {
    return this.endpoints.get(clusterId)?.plane;
  }

  all(): Array<[string, DataPlane]> {
    return [...this.endpoints].map(([id, e]) => [id, e.plane]);
  }

  /** Stops a deleted cluster's endpoint. */
  close(clusterId: string): void {
    const endpoint = this.endpoints.get(clusterId);
    if (!endpoint) return;
    this.endpoints.delete(clusterId);
    endpoint.server.close();
    endpoint.server.closeAllConnections();
  }

  async closeAll(): Promise<void> {
    const servers = [...this.endpoints.values()].map((e) => e.server);
    this.endpoints.clear();
    await Promise.all(
      servers.map(
        (server) =>
          new Promise<void>((resolve) => {
            server.close(() => resolve());
            server.closeAllConnections();
          }),
      ),
    );
  }

  snapshots(): Record<string, unknown> {
    return Object.fromEntries([...this.endpoints].map(([id, e]) => [id, e.plane.snapshot()]));
  }

  private async serve(clusterId: string, plane: DataPlane, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    const method = req.method ?? "GET";
    this.options.calls.record(clusterId, method, path);
    const outcome = this.options.faults.apply(clusterId, method, path, res);
    if (outcome.handled) return;
    if (outcome.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, outcome.delayMs));
    plane.handle(req, res);
  }
}

/** Listens and resolves with the port, rejecting on EADDRINUSE and the like. */
export function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once("error", onError);
    server.listen(port, host, () => {
      server.off("error", onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}
