/** Shared helper of the Milvus v2 data-plane groups: every endpoint is `POST /v2/vectordb/<group>/<action>`. */
import type { z } from "zod";
import type { CodeOverrides } from "../error-codes";
import type { Transport } from "../transport";

/** Per-call options every data-plane method accepts. */
export interface CallOptions {
  signal?: AbortSignal;
}

/** Posts `body` to `/v2/vectordb/<action>` and parses `data` with `schema`. */
export function post<S extends z.ZodType>(
  t: Transport,
  action: string,
  body: object,
  schema: S,
  idempotent: boolean,
  o: CallOptions & { overrides?: CodeOverrides; headers?: Record<string, string> } = {},
): Promise<z.output<S>> {
  return t.call({ method: "POST", path: `/v2/vectordb/${action}`, body: dropUndefined(body), schema, idempotent, signal: o.signal, overrides: o.overrides, headers: o.headers });
}

/** Removes keys whose value is undefined, so the server applies its own defaults. */
export function dropUndefined<T extends object>(body: T): T {
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)) as T;
}

/** Stringifies a type-param value the way the server stores it: strings as is, anything else JSON-encoded. */
export function paramToString(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(sortKeys(value));
}

/** Turns every value of a param map into a string (older servers accept strings only). */
export function stringifyParams(params: Record<string, unknown> | undefined): Record<string, string> | undefined {
  if (params === undefined) return undefined;
  return Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined).map(([k, v]) => [k, paramToString(v)]));
}

/** Deep copy with object keys sorted (the server encodes nested objects with sorted keys). */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]));
  }
  return value;
}
