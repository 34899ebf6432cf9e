/**
 * The environment spec as a JSON Schema, for editors (completion and typos flagged while typing, via the
 * file's `$schema` key). It carries the shape only: the rules across entries and the resources' own
 * cross-property rules are checked by `parseEnvSpec`.
 */
import { z } from "zod";
import { envSpecSchema } from "./spec-schema";

/** The JSON Schema (draft 2020-12) of an environment spec's input. */
export function envSpecJsonSchema(): Record<string, unknown> {
  // "any" for what JSON Schema cannot say (there is nothing of the kind today; a new zod type stays usable).
  return z.toJSONSchema(envSpecSchema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
}
