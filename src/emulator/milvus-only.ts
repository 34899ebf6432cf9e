/**
 * `zilliz-local --milvus-only`: the data plane alone, standing in for a self-hosted Milvus (REST on one port,
 * credentials `root:Milvus`), without the Zilliz control plane. Served by the data plane's own stand-in.
 */
import { startMilvusStandIn, type ObjectStoreOptions } from "./data-plane";

/** Starts the stand-in on `port` (0 picks one). */
export async function startMilvusOnlyServer(options: { port?: number; host?: string; objectStore?: ObjectStoreOptions }): Promise<{ url: string; close(): Promise<void> }> {
  const standIn = await startMilvusStandIn({ port: options.port, host: options.host, credentials: "root:Milvus", objectStore: options.objectStore });
  return { url: standIn.url, close: () => standIn.close() };
}
