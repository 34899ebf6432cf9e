/**
 * Objects that refuse unknown keys with a suggestion (`cuSzie` → "did you mean cuSize?"), one line per key: a typo must fail
 * at preview instead of being dropped silently. Used for every resource's top level and nested objects.
 */
import { z } from "zod";
import { unknownKeyMessage } from "./closest-name";

/** `z.strictObject` whose unknown-key issue names each key and the closest known one. */
export function strictObject<T extends z.ZodRawShape>(shape: T) {
  const known = Object.keys(shape);
  return z.strictObject(shape, {
    error: (iss) => (iss.code === "unrecognized_keys" ? iss.keys.map((k) => unknownKeyMessage(k, known)).join("\n") : undefined),
  });
}
