/** The zod schema `check` validates a resource's inputs with, derived from its spec (cached per kind). */
import type { z } from "zod";
import type { ResourceDefinition } from "./resource-definition";
import { inputProps, type InputsOf, type Spec } from "./spec";
import { strictObject } from "./strict-object";

const cache = new WeakMap<object, z.ZodType>();

/** Every input with its own type, unknown keys refused with a suggestion, then the resource's own rules. */
export function inputsSchema<S extends Spec>(def: ResourceDefinition<S>): z.ZodType<InputsOf<S>> {
  const hit = cache.get(def);
  if (hit) return hit as z.ZodType<InputsOf<S>>;
  const shape: Record<string, z.ZodType> = {};
  for (const [key, prop] of inputProps(def.spec)) shape[key] = prop.type;
  const base = strictObject(shape);
  const schema = def.refine ? base.superRefine((v, ctx) => def.refine!(v as InputsOf<S>, ctx)) : base;
  cache.set(def, schema);
  return schema as unknown as z.ZodType<InputsOf<S>>;
}
