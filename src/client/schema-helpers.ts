/** Small zod building blocks shared by the endpoint schemas. */
import { z } from "zod";

/** A 64-bit id: arrives as a decimal string (see safe-json.ts) or a small number; always a string out. */
export const int64String = z.union([z.string().regex(/^-?\d+$/), z.number().int(), z.bigint()]).transform((v) => String(v));

/** Endpoints that answer `{}` (or nothing) on success. */
export const emptyData = z.unknown().transform(() => undefined as void);

/** `[{key, value}]` pairs as protobuf JSON renders them; an empty value is omitted by the server. */
export const keyValueList = z.array(z.object({ key: z.string(), value: z.string().optional() })).default([]);

/** A string list that the server may send as `null`. */
export const stringList = z.array(z.string()).nullish().transform((v) => v ?? []);

/** Converts `[{key, value}]` to a plain map. */
export function kvToMap(list: ReadonlyArray<{ key: string; value?: string }> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { key, value } of list ?? []) out[key] = value ?? "";
  return out;
}
