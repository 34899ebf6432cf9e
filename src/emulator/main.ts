#!/usr/bin/env node
/**
 * The `zilliz-local` CLI:
 *   zilliz-local [--port 19600] [--host 127.0.0.1] [--api-key KEY] [--state-file PATH]
 *                [--transitions immediate|time:<ms>|manual] [--suspend-names SUSPENDING|STOPPING]
 *                [--legacy-port N|off] [--import-root DIR] [--object-store-endpoint URL]
 *                [--object-store-region R] [--object-store-bucket B] [--milvus-only]
 * The data plane's own object-store keys (Milvus imports of bare keys from --object-store-bucket) come from
 * $ZILLIZ_LOCAL_OBJECT_STORE_ACCESS_KEY and $ZILLIZ_LOCAL_OBJECT_STORE_SECRET_KEY.
 * Prints where it listens and the key to use; stops cleanly on SIGINT/SIGTERM.
 */
import { parseArgs } from "node:util";
import { startEmulator, type RunningEmulator } from "./server";
import { parseTransitionMode } from "./transition-mode";
import type { ObjectStoreOptions } from "./data-plane-port";

const DEFAULT_PORT = 19600;

const USAGE = `usage: zilliz-local [--port <p>] [--host <h>] [--api-key <k>] [--state-file <path>]
                    [--transitions immediate|time:<ms>|manual] [--suspend-names SUSPENDING|STOPPING]
                    [--legacy-port <p>|off] [--import-root <dir>] [--object-store-endpoint <url>]
                    [--object-store-region <r>] [--object-store-bucket <b>] [--milvus-only]`;

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: "string" },
      host: { type: "string" },
      "api-key": { type: "string" },
      "state-file": { type: "string" },
      transitions: { type: "string" },
      "suspend-names": { type: "string" },
      "legacy-port": { type: "string" },
      "import-root": { type: "string" },
      "object-store-endpoint": { type: "string" },
      "object-store-region": { type: "string" },
      "object-store-bucket": { type: "string" },
      "milvus-only": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE + "\n");
    return;
  }
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number, got "${values.port}"`);
  const objectStore = objectStoreOption(values["object-store-endpoint"], values["object-store-region"], values["object-store-bucket"]);
  if (values["milvus-only"]) return startMilvusOnly(port, values.host ?? "127.0.0.1", objectStore);
  const suspendNames = values["suspend-names"];
  if (suspendNames !== undefined && suspendNames !== "SUSPENDING" && suspendNames !== "STOPPING") {
    throw new Error("--suspend-names must be SUSPENDING or STOPPING");
  }
  const legacyText = values["legacy-port"];
  const legacyPort = legacyText === undefined ? 0 : legacyText === "off" ? false : Number(legacyText);
  const emulator = await startEmulator({
    port,
    host: values.host,
    apiKey: values["api-key"],
    stateFile: values["state-file"],
    transitions: values.transitions === undefined ? undefined : parseTransitionMode(values.transitions),
    suspendStateNames: suspendNames,
    legacyPort,
    importRoot: values["import-root"],
    objectStore,
  });
  printBanner(emulator);
  stopOnSignals(() => emulator.close());
}

/** `--object-store-endpoint` (also `$ZILLIZ_LOCAL_OBJECT_STORE_ENDPOINT`): where s3:// and https:// import URLs are read. */
function objectStoreOption(endpoint: string | undefined, region: string | undefined, bucket: string | undefined): ObjectStoreOptions | undefined {
  const url = endpoint ?? process.env.ZILLIZ_LOCAL_OBJECT_STORE_ENDPOINT;
  if (url === undefined || url === "") return undefined;
  if (!/^https?:\/\/[^/]/.test(url)) throw new Error(`--object-store-endpoint must be an http(s) URL, got "${url}"`);
  const accessKey = process.env.ZILLIZ_LOCAL_OBJECT_STORE_ACCESS_KEY;
  const secretKey = process.env.ZILLIZ_LOCAL_OBJECT_STORE_SECRET_KEY;
  return { endpoint: url, ...(region ? { region } : {}), ...(bucket ? { bucket } : {}), ...(accessKey ? { accessKey, secretKey: secretKey ?? "" } : {}) };
}

function printBanner(emulator: RunningEmulator): void {
  const lines = [
    `zilliz-local listening on ${emulator.url}`,
    `API key: ${emulator.apiKey}`,
    `control plane v2: ${emulator.url}/v2/...   v1: ${emulator.url}/v1/... (?regionId=...)`,
    `control endpoints: ${emulator.url}/__emulator/...`,
  ];
  if (emulator.legacyUrl) lines.push(`legacy 0.x API: ${emulator.legacyUrl}`);
  for (const note of emulator.notes) lines.push(`note: ${note}`);
  process.stdout.write(lines.join("\n") + "\n");
}

function stopOnSignals(stop: () => Promise<void>): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`zilliz-local: ${signal} received, stopping\n`);
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`zilliz-local: error while stopping: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
}

async function startMilvusOnly(port: number, host: string, objectStore: ObjectStoreOptions | undefined): Promise<void> {
  const { startMilvusOnlyServer } = await import("./milvus-only");
  const server = await startMilvusOnlyServer({ port, host, objectStore });
  process.stdout.write(`zilliz-local (Milvus only) listening on ${server.url}\ncredentials: root:Milvus\n`);
  stopOnSignals(() => server.close());
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`zilliz-local: ${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
  process.exit(2);
});
