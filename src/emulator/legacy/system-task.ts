/**
 * PUT /system/task: `{"flush":{"collection_names":[…]}}`, `{"compact":{"collection_name":…}}` or
 * `{"load":{"collection_name":…}}`. Anything else (an unknown operation, `{}`) is refused, and so is a
 * collection that does not exist: the documented answers here are 200 and 400 only, so that is a 400 with
 * code 4.
 */
import { LegacyCode, bad, missingCollectionInBody } from "./errors";
import { compact, flush } from "./segments";
import type { LoadedCollection, LoadedState } from "./state";

const SUCCESS = { code: 0, message: "success" };

function existing(state: LoadedState, name: unknown, op: string, key: string): LoadedCollection {
  if (typeof name !== "string") throw bad(LegacyCode.illegalBody, `Field '${op}.${key}' must be a string`);
  const found = state.collections[name];
  if (!found) throw missingCollectionInBody(name);
  return found;
}

function operand(body: Record<string, unknown>, op: string, key: string): unknown {
  const value = body[op];
  if (value === null || typeof value !== "object" || Array.isArray(value) || !(key in value)) {
    throw bad(LegacyCode.bodyFieldLoss, `Field '${op}' must contain '${key}'`);
  }
  return (value as Record<string, unknown>)[key];
}

export function systemTask(state: LoadedState, body: Record<string, unknown>, now: number): Record<string, unknown> {
  const ops = Object.keys(body);
  if (ops.length !== 1 || !["flush", "compact", "load"].includes(ops[0]!)) {
    throw bad(LegacyCode.illegalBody, `Unknown task ${ops.length === 0 ? "(empty body)" : ops.join(", ")}: the body must hold exactly one of 'flush', 'compact' or 'load'.`);
  }
  const op = ops[0]!;
  if (op === "flush") {
    const names = operand(body, op, "collection_names");
    if (!Array.isArray(names) || names.length === 0) throw bad(LegacyCode.illegalBody, "Field 'flush.collection_names' must be a non-empty array");
    // Check every name before flushing any, so a bad list changes nothing.
    const collections = names.map((name) => existing(state, name, op, "collection_names"));
    for (const c of collections) flush(state, c, now);
    return SUCCESS;
  }
  const c = existing(state, operand(body, op, "collection_name"), op, "collection_name");
  if (op === "compact") compact(c);
  return SUCCESS; // load: everything is in memory already
}
