/**
 * The legacy Milvus 0.x REST API (web server on port 19121, seed document 002): `/state`, `/devices`,
 * `/config/advanced`, `/config/gpu_resources`, `/collections` with indexes, partitions, segments and vectors
 * (insert, get, search, delete), `/system/*`. Errors are `{"code":N,"message":"…"}` with HTTP 400 (or 404 for
 * a missing collection, segment or path).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { collectionOf, createCollection, createIndex, createPartition, dropIndex, dropPartition, summary } from "./collections";
import { devices, setAdvanced, setGpu } from "./config";
import { LegacyCode, LegacyError, bad } from "./errors";
import { search } from "./search";
import { listSegments, segmentIds, segmentVectors, stats } from "./segments";
import { freshState, normalizeState, type LoadedCollection, type LoadedState } from "./state";
import { systemTask } from "./system-task";
import { deleteVectors, getVectors, insertVectors } from "./vectors";

export interface LegacyApi {
  /** node:http request listener for the whole 0.x surface. */
  handle(req: IncomingMessage, res: ServerResponse): void;
  snapshot(): unknown;
  restore(state: unknown): void;
  reset(): void;
}

const OK = { code: 0, message: "OK" };

type Out = { status: number; body?: unknown };

function page(query: URLSearchParams): { offset: number; size: number } {
  const read = (key: string, fallback: number) => {
    const text = query.get(key);
    if (text === null || text === "") return fallback;
    if (!/^\d+$/.test(text)) throw bad(LegacyCode.illegalQueryParam, `Query param '${key}' is illegal, only non-negative integer supported`);
    return Number(text);
  };
  return { offset: read("offset", 0), size: read("page_size", 10) };
}

function parse(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = text.trim() === "" ? {} : JSON.parse(text);
  } catch {
    throw bad(LegacyCode.bodyParseFail, "Cannot parse request body: invalid JSON");
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) throw bad(LegacyCode.illegalBody, "Request body must be a JSON object");
  return value as Record<string, unknown>;
}

/** PUT /collections/{name}/vectors: the body says which operation it is. */
function vectorsPut(c: LoadedCollection, body: Record<string, unknown>): Out {
  if ("search" in body && !("delete" in body)) return { status: 200, body: search(c, body.search) };
  if ("delete" in body && !("search" in body)) return { status: 200, body: deleteVectors(c, body.delete) };
  throw bad(LegacyCode.illegalBody, "Unknown body: it must hold exactly one of 'search' or 'delete'.");
}

function route(state: LoadedState, method: string, url: URL, text: string, now: number): Out {
  const parts = url.pathname.split("/").filter(Boolean).map((part) => {
    try {
      return decodeURIComponent(part);
    } catch {
      throw new LegacyError(404, LegacyCode.unknownPath, `Unknown path: ${url.pathname}`);
    }
  });
  const [head, name, sub, segment, leaf] = parts;
  const notFound = () => new LegacyError(404, LegacyCode.unknownPath, `Unknown path: ${url.pathname}`);
  if (method === "OPTIONS") return { status: 204 };
  if (head === "state" && parts.length === 1 && method === "GET") return { status: 200, body: { code: 0, message: "Success" } };
  if (head === "devices" && parts.length === 1 && method === "GET") return { status: 200, body: devices() };
  if (head === "config" && parts.length === 2) {
    if (name === "advanced" && method === "GET") return { status: 200, body: state.config };
    if (name === "advanced" && method === "PUT") return { status: 200, body: setAdvanced(state, parse(text)) };
    if (name === "gpu_resources" && method === "GET") return { status: 200, body: state.gpu };
    if (name === "gpu_resources" && method === "PUT") return { status: 200, body: setGpu(state, parse(text)) };
  }
  if (head === "system" && parts.length === 2) {
    if (method === "GET" && name === "version") return { status: 200, body: { code: 0, message: "OK", reply: "0.8.0" } };
    if (method === "GET" && name === "status") return { status: 200, body: { code: 0, message: "OK", reply: "server alive" } };
    if (method === "PUT" && name === "task") return { status: 200, body: systemTask(state, parse(text), now) };
  }
  if (head !== "collections") throw notFound();
  if (parts.length === 1) {
    if (method === "GET") {
      const { offset, size } = page(url.searchParams);
      const all = Object.values(state.collections);
      return { status: 200, body: { collections: all.slice(offset, offset + size).map(summary), count: all.length } };
    }
    if (method === "POST") {
      createCollection(state, parse(text));
      return { status: 201, body: OK };
    }
    throw notFound();
  }
  if (parts.length > 5 || (sub !== undefined && !["indexes", "partitions", "segments", "vectors"].includes(sub))) throw notFound();
  const coll = collectionOf(state, name!);
  if (parts.length === 2) {
    if (method === "GET") {
      // The seed: `info` "must either be empty or stat".
      const info = url.searchParams.get("info") ?? "";
      if (info !== "" && info !== "stat") throw bad(LegacyCode.illegalQueryParam, `Query param 'info' must be empty or 'stat', not '${info}'`);
      return { status: 200, body: info === "stat" ? stats(coll) : summary(coll) };
    }
    if (method === "DELETE") {
      delete state.collections[name!];
      return { status: 204 };
    }
  }
  if (parts.length === 3 && sub === "indexes") {
    if (method === "GET") return { status: 200, body: { index_type: coll.index, params: coll.index_params } };
    if (method === "POST") {
      createIndex(coll, parse(text));
      return { status: 201, body: OK };
    }
    if (method === "DELETE") {
      dropIndex(coll);
      return { status: 204 };
    }
  }
  if (parts.length === 3 && sub === "partitions") {
    if (method === "GET") {
      const { offset, size } = page(url.searchParams);
      return { status: 200, body: { partitions: coll.partitions.slice(offset, offset + size).map((partition_tag) => ({ partition_tag })), count: coll.partitions.length } };
    }
    if (method === "POST") {
      createPartition(coll, parse(text));
      return { status: 201, body: OK };
    }
    if (method === "DELETE") {
      dropPartition(coll, parse(text));
      return { status: 204 };
    }
  }
  if (sub === "segments" && method === "GET") {
    const { offset, size } = page(url.searchParams);
    if (parts.length === 3) return { status: 200, body: listSegments(coll, offset, size) };
    if (parts.length === 5 && leaf === "vectors") return { status: 200, body: segmentVectors(coll, segment!, offset, size) };
    if (parts.length === 5 && leaf === "ids") return { status: 200, body: segmentIds(coll, segment!, offset, size) };
  }
  if (parts.length === 3 && sub === "vectors") {
    if (method === "POST") return { status: 201, body: { ids: insertVectors(state, coll, parse(text), now) } };
    if (method === "GET") return { status: 200, body: getVectors(coll, url.searchParams) };
    if (method === "PUT") return vectorsPut(coll, parse(text));
  }
  throw notFound();
}

/** Options of {@link createLegacyApi}. */
export interface LegacyApiOptions {
  /** The clock new vector and segment IDs come from, in milliseconds (a fraction adds microseconds). */
  now?: () => number;
}

/** Creates the legacy API with an empty state. */
export function createLegacyApi(options: LegacyApiOptions = {}): LegacyApi {
  const now = options.now ?? Date.now;
  let state = freshState();
  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    let out: Out;
    try {
      out = route(state, req.method ?? "GET", new URL(req.url ?? "/", "http://localhost"), Buffer.concat(chunks).toString("utf8"), now());
    } catch (error) {
      if (!(error instanceof LegacyError)) throw error;
      out = { status: error.status, body: { code: error.code, message: error.message } };
    }
    res.setHeader("Access-Control-Allow-Origin", "*");
    res.setHeader("Access-Control-Allow-Methods", "GET, HEAD, POST, PUT, DELETE, OPTIONS");
    if (out.body === undefined) {
      res.writeHead(out.status);
      res.end();
      return;
    }
    const text = JSON.stringify(out.body);
    res.writeHead(out.status, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(text) });
    res.end(text);
  }
  return {
    handle(req, res) {
      serve(req, res).catch(() => {
        if (!res.headersSent) res.writeHead(500, { "Content-Type": "application/json" });
        res.end(JSON.stringify({ code: LegacyCode.unexpected, message: "internal error" }));
      });
    },
    snapshot: () => JSON.parse(JSON.stringify(state)) as unknown,
    restore(saved) {
      state = normalizeState(saved);
    },
    reset() {
      state = freshState();
    },
  };
}
