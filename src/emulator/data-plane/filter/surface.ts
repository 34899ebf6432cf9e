/**
 * How each REST surface reports a refused filter. The parser is the same; the envelope is not:
 * - v2 (2.5): 1100 `failed to create query plan: cannot parse expression: …: invalid parameter`, and for
 *   delete `failed to create expr plan, expr = …: invalid parameter`;
 * - v1 (2.3.5, checked against the real server): 65535 with the bare parser text for query, the
 *   `failed to create query plan: ` prefix for search, and `failed to create expr plan, expr = …` for delete.
 */
import { Code, DataPlaneError, invalidParameter } from "../errors";
import type { CollectionState } from "../state";
import { compileFilter, FilterError, type RowPredicate } from "./compile";

/** Which call the filter belongs to (the server words the failure differently). */
export type FilterUse = "query" | "search" | "delete";

/** Compiles a v2 filter (2.5 grammar, `exprParams` placeholders) or throws the v2 error. */
export function v2Filter(filter: string, coll: CollectionState, use: FilterUse, exprParams?: unknown): RowPredicate {
  try {
    const params = exprParams !== null && typeof exprParams === "object" && !Array.isArray(exprParams) ? (exprParams as Record<string, unknown>) : {};
    return compileFilter(filter, coll, "2.5", params);
  } catch (error) {
    if (!(error instanceof FilterError)) throw error;
    if (use === "delete") throw invalidParameter(`failed to create expr plan, expr = ${filter}`);
    throw invalidParameter(`failed to create query plan: ${error.message}`);
  }
}

/** Compiles a v1 filter (2.3 grammar) or throws the 2.3.5 error. */
export function v1Filter(filter: string, coll: CollectionState, use: FilterUse): RowPredicate {
  try {
    return compileFilter(filter, coll, "2.3");
  } catch (error) {
    if (!(error instanceof FilterError)) throw error;
    if (use === "delete") throw new DataPlaneError(Code.unexpected, `failed to create expr plan, expr = ${filter}`);
    if (use === "search") throw new DataPlaneError(Code.unexpected, `failed to create query plan: ${error.message}`);
    throw new DataPlaneError(Code.unexpected, error.message);
  }
}
