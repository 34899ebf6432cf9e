/** The LegacyCollection's properties: one table, from which its class, check, diff and stored shape derive. */
import { z } from "zod";
import { legacyCollectionProblems } from "../../client";
import type { DiffPlan } from "../shared/plan";
import type { StateOf } from "../shared/resource-definition";
import { defineSpec, input, type InputsOf, type Props } from "../shared/spec";
import { legacyTarget } from "./legacy-connection";
import { reportProblems } from "./legacy-problems";

export const legacyCollectionSpec = defineSpec({
  ...legacyTarget,
  /**
   * The collection's name (wire `collection_name`): 1 to 255 letters, digits or `_`, not starting with a
   * digit. The 0.x API has no rename: changing it replaces the collection. The id is this name.
   * @example "old_books"
   */
  collectionName: input(z.string(), { change: "replace" }),
  /**
   * Vector dimension (wire `dimension`), 1 to 32768; a multiple of 8 for binary metrics. Changing it replaces
   * the collection.
   * @example 128
   */
  dimension: input(z.number(), { change: "replace" }),
  /**
   * Size in MB at which the server seals a data file and builds the index on it (wire `index_file_size`),
   * 1 to 4096. Default 1024. Changing it replaces the collection (the 0.x API has no alter).
   * @example 512
   */
  indexFileSize: input(z.number().optional(), { change: "replace", default: 1024 }),
  /**
   * Distance metric (wire `metric_type`): `L2`, `IP`, or for binary vectors `HAMMING`, `JACCARD`, `TANIMOTO`,
   * `SUBSTRUCTURE`, `SUPERSTRUCTURE`. Default `L2`. Changing it replaces the collection.
   * @example "IP"
   */
  metricType: input(z.string().optional(), { change: "replace", default: "L2" }),
  /**
   * Lets a replacement or destroy drop the collection while it holds vectors (default false: refused after
   * reading its row count). It must be in the state before the change: set it in an earlier `up`, or set
   * the stack config `zilliz:allowDataLoss true` for one `up` (or `destroy --run-program`). No server call.
   * @example true
   */
  allowDataLoss: input(z.boolean().optional(), { change: "local" }),
  /**
   * Take over an existing collection of the same name if its dimension, index file size and metric match
   * (refused listing the differences otherwise). Only read at create.
   * @example true
   */
  adopt: input(z.boolean().optional(), { change: "create-only" }),
});

export type LegacyCollectionSpec = typeof legacyCollectionSpec;
export type LegacyCollectionInputs = InputsOf<LegacyCollectionSpec>;
export type LegacyCollectionState = StateOf<LegacyCollectionSpec>;

/** Wire names of the collection's properties, for the client's input rules. */
export const COLLECTION_WIRE = { collection_name: "collectionName", dimension: "dimension", index_file_size: "indexFileSize", metric_type: "metricType" } as const;

/** The `POST /collections` body of the inputs. */
export function collectionBody(v: LegacyCollectionInputs): { collection_name: string; dimension: number; index_file_size?: number; metric_type?: string } {
  return {
    collection_name: v.collectionName,
    dimension: v.dimension,
    ...(v.indexFileSize !== undefined ? { index_file_size: v.indexFileSize } : {}),
    ...(v.metricType !== undefined ? { metric_type: v.metricType } : {}),
  };
}

/** The server's rules (name, ranges, metric, binary dimension), checked at preview. */
export function refineLegacyCollection(v: LegacyCollectionInputs, ctx: z.RefinementCtx): void {
  reportProblems(ctx, legacyCollectionProblems(collectionBody(v)), COLLECTION_WIRE);
}

/** A name is unique per server: when the replacement keeps the name, the old collection must go first. */
export function adjustLegacyCollectionPlan(plan: DiffPlan, olds: LegacyCollectionState, news: Props): void {
  // The endpoint is left out on purpose: an endpoint set to the URL the stack config already named is the
  // same server, and creating first would then fail on the name.
  plan.deleteBeforeReplace = plan.replaces.length > 0 && olds.collectionName === news.collectionName;
}
