import type { z } from "zod";
import { isUnknownAt } from "./unknowns";

/** A `check` failure as the engine expects it. */
export interface CheckFailure {
  property: string;
  reason: string;
}

/** `schema.fields[1].dim` from `["schema", "fields", 1, "dim"]`. */
export function propertyPath(path: ReadonlyArray<PropertyKey>): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out;
}

/**
 * Validates inputs with a zod schema, before any API call. Issues about a value that preview has not
 * computed yet (the unknown placeholder, or an object containing one) are dropped: they get checked again
 * during the real update, when the value is known.
 */
export function validateInputs<T>(schema: z.ZodType<T>, news: Record<string, unknown>): { inputs?: T; failures: CheckFailure[] } {
  const { __provider: _ignored, ...rest } = news;
  const parsed = schema.safeParse(rest);
  if (parsed.success) return { inputs: parsed.data, failures: [] };
  const failures: CheckFailure[] = [];
  for (const issue of parsed.error.issues) {
    if (isUnknownAt(rest, issue.path)) continue;
    if (issue.code === "unrecognized_keys") {
      // One failure per unknown key, named by its own path (strictObject wrote one message per key).
      const messages = issue.message.split("\n");
      issue.keys.forEach((key, i) => failures.push({ property: propertyPath([...issue.path, key]), reason: messages[i] ?? issue.message }));
      continue;
    }
    failures.push({ property: propertyPath(issue.path) || "(inputs)", reason: issue.message });
  }
  return { failures };
}
