/**
 * `zilliz-local --milvus-only`: a single data plane standing in for a self-hosted Milvus (REST on one port,
 * credentials `root:Milvus`), without the Zilliz control plane.
 */
import { createServer } from "node:http";
import { listen } from "./cluster-endpoints";
import type { DataPlaneFactory } from "./data-plane-port";
import type { TransitionMode } from "./transition-mode";

/** The default credentials of a Milvus with authentication enabled. */
export const MILVUS_ROOT_TOKEN = "root:Milvus";

/** Starts the stand-in; `createDataPlane` defaults to the bundled data plane. */
export async function startMilvusOnlyServer(options: {
  port?: number;
  host?: string;
  createDataPlane?: DataPlaneFactory;
  transitions?: TransitionMode;
}): Promise<{ url: string; close(): Promise<void> }> {
  const host = options.host ?? "127.0.0.1";
  const factory = options.createDataPlane ?? (await import("./bundled-planes")).createDataPlane;
  const plane = factory({
    authenticate: (token) => token === MILVUS_ROOT_TOKEN,
    transitionMode: () => options.transitions ?? { kind: "immediate" },
  });
  const server = createServer((req, res) => plane.handle(req, res));
  const port = await listen(server, host, options.port ?? 0);
  return {
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
