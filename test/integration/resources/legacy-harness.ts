/**
 * The emulator's legacy 0.x API behind a thin counting proxy: tests see how many calls a step made and can
 * make one call fail (the legacy port has no fault injection of its own).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createLegacyApi } from "../../../src/emulator/legacy";
import { provider, type ZillizProvider } from "../../../src/resources/runtime";

/** A running legacy server with a call log and a one-shot failure. */
export interface LegacyTestServer {
  url: string;
  calls: string[];
  /** A call matching `method path` (after `skip` matching ones) answers HTTP 400 with this 0.x code and message. */
  failNext(method: string, path: string, code: number, message: string, skip?: number): void;
  /** A raw JSON call, as an operator with curl would make it. */
  raw(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }>;
  close(): Promise<void>;
}

export async function startLegacyServer(): Promise<LegacyTestServer> {
  const api = createLegacyApi();
  const calls: string[] = [];
  let failure: { method: string; path: string; code: number; message: string; skip: number } | undefined;
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    calls.push(`${req.method} ${path}`);
    if (failure && failure.method === req.method && failure.path === path && failure.skip-- === 0) {
      const { code, message } = failure;
      failure = undefined;
      res.writeHead(400, { "content-type": "application/json" }).end(JSON.stringify({ code, message }));
      return;
    }
    api.handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    calls,
    failNext: (method, path, code, message, skip = 0) => void (failure = { method, path, code, message, skip }),
    raw: async (method, path, body) => {
      const res = await fetch(`${url}${path}`, { method, headers: body === undefined ? undefined : { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
      const text = await res.text();
      return { status: res.status, body: text === "" ? undefined : JSON.parse(text) };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A provider of a legacy kind whose stack config names `legacyEndpoint` (or not), collecting its logs. */
export function legacyProvider(kind: string, legacyEndpoint: string | undefined, extra: { allowDataLoss?: boolean } = {}): { p: ZillizProvider; logs: string[] } {
  const logs: string[] = [];
  const p = provider(kind, { config: { legacyEndpoint, ...extra }, log: (m) => logs.push(m), pollIntervalMs: 20 });
  return { p, logs };
}
