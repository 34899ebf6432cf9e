/** The Alias's properties: one table, from which its class, check, diff and stored shape derive. */
import { z } from "zod";
import { dataPlaneTarget, milvusName, refineTarget } from "../shared/data-plane-target";
import type { StateOf } from "../shared/resource-definition";
import { defineSpec, input, type InputsOf } from "../shared/spec";

export const aliasSpec = defineSpec({
  ...dataPlaneTarget,
  /**
   * The alias's name: what applications query instead of a collection name. Unique in its database and
   * never the name of a collection. Changing it replaces the alias.
   * @example "docs"
   */
  aliasName: input(milvusName("alias name"), { change: "replace" }),
  /**
   * The collection the alias points to. Changing it retargets the alias in place with one `aliases/alter`
   * call (the blue/green swap: the alias never stops resolving), and a renamed collection is followed the
   * same way. Never a replace.
   * @example docsV2.collectionName
   */
  collectionName: input(milvusName("collection name"), { change: "update" }),
  /**
   * Take over an existing alias of this name (retargeted in place if it points elsewhere). Default false. Only read at create (changing it later does nothing).
   * @example true
   */
  adopt: input(z.boolean().optional(), { change: "create-only" }),
});

export type AliasSpec = typeof aliasSpec;
export type AliasInputs = InputsOf<AliasSpec>;
export type AliasState = StateOf<AliasSpec>;

/** Exactly one target; an alias cannot share its collection's name. */
export function refineAlias(v: AliasInputs, ctx: z.RefinementCtx): void {
  refineTarget(v, ctx);
  if (v.aliasName === v.collectionName) ctx.addIssue({ code: "custom", path: ["aliasName"], message: "an alias cannot have the name of the collection it points to" });
}
