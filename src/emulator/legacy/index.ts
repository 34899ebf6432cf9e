/**
 * The legacy Milvus 0.x REST API (web server on port 19121, seed document 002): `/state`, `/devices`,
 * `/config/advanced`, `/config/gpu_resources`, `/collections` with indexes, partitions, segments and vectors,
 * `/system/*`. Errors are `{"code":N,"message":"…"}` with HTTP 400 (or 404 for a missing collection).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import {
  collectionOf, createCollection, createIndex, createPartition, dropPartition, insertVectors, stats, summary, type LegacyState,
} from "./collections";
import { LegacyCode, LegacyError, bad } from "./errors";

export interface LegacyApi {
  /** node:http request listener for the whole 0.x surface. */
  handle(req: IncomingMessage, res: ServerResponse): void;
  snapshot(): unknown;
  restore(state: unknown): void;
  reset(): void;
}

const OK = { code: 0, message: "OK" };

function fresh(): LegacyState {
  return { collections: {}, config: { cpu_cache_capacity: 4, cache_insert_data: false, use_blas_threshold: 1100, gpu_search_threshold: 1000 }, lastId: 0 };
}

type Out = { status: number; body?: unknown };

function page(query: URLSearchParams): { offset: number; size: number } {
  const read = (key: string, fallback: number) => {
    const text = query.get(key);
    if (text === null) return fallback;
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

function route(state: LegacyState, method: string, url: URL, text: string): Out {
  const parts = url.pathname.split("/").filter(Boolean).map((part) => {
    try {
      return decodeURIComponent(part);
    } catch {
      throw new LegacyError(404, LegacyCode.unknownPath, `Unknown path: ${url.pathname}`);
    }
  });
  const [head, name, sub] = parts;
  const notFound = () => new LegacyError(404, LegacyCode.unknownPath, `Unknown path: ${url.pathname}`);
  if (method === "OPTIONS") return { status: 204 };
  if (head === "state" && parts.length === 1 && method === "GET") return { status: 200, body: { code: 0, message: "Success" } };
  if (head === "devices" && parts.length === 1 && method === "GET") return { status: 200, body: { cpu: { memory: 31 }, gpus: {} } };
  if (head === "config" && name === "advanced" && parts.length === 2) {
    if (method === "GET") return { status: 200, body: state.config };
    if (method === "PUT") {
      const body = parse(text);
      const next = { ...state.config };
      for (const key of ["cpu_cache_capacity", "use_blas_threshold", "gpu_search_threshold"] as const) {
        if (body[key] === undefined) continue;
        if (typeof body[key] !== "number" || !Number.isInteger(body[key])) throw bad(LegacyCode.illegalBody, `Field '${key}' must be an integer`);
        next[key] = body[key] as number;
      }
      if (body.cache_insert_data !== undefined) {
        if (typeof body.cache_insert_data !== "boolean") throw bad(LegacyCode.illegalBody, "Field 'cache_insert_data' must be a boolean");
        next.cache_insert_data = body.cache_insert_data;
      }
      state.config = next;
      return { status: 200, body: OK };
    }
  }
  if (head === "system" && parts.length === 2) {
    if (method === "GET" && name === "version") return { status: 200, body: { code: 0, message: "OK", reply: "0.8.0" } };
    if (method === "GET" && name === "status") return { status: 200, body: { code: 0, message: "OK", reply: "server alive" } };
    if (method === "PUT" && name === "task") {
      const body = parse(text);
      const target = (body.load as { collection_name?: string } | undefined)?.collection_name ?? (body.compact as { collection_name?: string } | undefined)?.collection_name;
      if (target !== undefined) collectionOf(state, target);
      return { status: 200, body: { code: 0, message: "success" } };
    }
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
  const coll = collectionOf(state, name!);
  if (parts.length === 2) {
    if (method === "GET") return { status: 200, body: url.searchParams.get("info") === "stat" ? stats(coll) : summary(coll) };
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
      coll.index = "FLAT";
      coll.index_params = { nlist: 16384 };
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
  if (parts.length === 3 && sub === "segments" && method === "GET") return { status: 200, body: { code: 0, message: "OK", count: 0, segments: [] } };
  if (parts.length === 3 && sub === "vectors") {
    if (method === "POST") return { status: 201, body: { ids: insertVectors(state, coll, parse(text)) } };
    if (method === "GET") {
      const ids = url.searchParams.get("ids");
      if (ids === null) throw bad(LegacyCode.queryParamLoss, "Query param 'ids' is required");
      const vectors = ids.split(",").filter((id) => coll.vectors[id]).map((id) => ({ id, vector: coll.vectors[id]![1] }));
      return { status: 200, body: { vectors } };
    }
  }
  throw notFound();
}

/** Creates the legacy API with an empty state. */
export function createLegacyApi(): LegacyApi {
  let state = fresh();
  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    let out: Out;
    try {
      out = route(state, req.method ?? "GET", new URL(req.url ?? "/", "http://localhost"), Buffer.concat(chunks).toString("utf8"));
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
      state = { ...fresh(), ...(JSON.parse(JSON.stringify(saved)) as LegacyState) };
    },
    reset() {
      state = fresh();
    },
  };
}
