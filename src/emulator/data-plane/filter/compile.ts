/**
 * Turns a filter string into a row predicate: parse, resolve every field against the collection schema,
 * run the server's static checks, and return a function over stored rows.
 *
 * Problems are thrown as `FilterError`; each surface wraps it in its own envelope (see `surface.ts`).
 */
import type { CollectionState } from "../state";
import type { FieldRef, Node } from "./ast";
import { checkTree, isBooleanShaped, typeName } from "./check";
import { evaluate, type FieldReader } from "./evaluate";
import { parseExpression, type Dialect } from "./parser";
import { FilterSyntaxError } from "./tokens";

/** A compiled filter: `true` when the stored row matches. */
export type RowPredicate = (row: Record<string, unknown>) => boolean;

/**
 * Why a filter was refused. `detail` follows `cannot parse expression: <filter>, error: `; a `predicate`
 * problem is reported by the server on its own (`predicate is not a boolean expression: …`).
 */
export class FilterError extends Error {
  constructor(
    readonly filter: string,
    readonly detail: string,
    readonly kind: "parse" | "predicate" = "parse",
  ) {
    super(kind === "parse" ? `cannot parse expression: ${filter}, error: ${detail}` : detail);
    this.name = "FilterError";
  }
}

/**
 * Compiles `filter` for `coll`; an empty filter matches every row. `dialect` picks the server generation:
 * `2.3` (v1 surface) or `2.5` (v2); `params` fills `{name}` placeholders (v2 `exprParams`). Throws FilterError.
 */
export function compileFilter(filter: string, coll: CollectionState, dialect: Dialect = "2.5", params: Record<string, unknown> = {}): RowPredicate {
  if (filter.trim() === "") return () => true;
  let tree: Node;
  try {
    tree = parseExpression(filter, dialect, params);
  } catch (error) {
    if (error instanceof FilterSyntaxError) throw new FilterError(filter, error.pos < 0 ? error.message : `line 1:${error.pos} ${error.message}`);
    throw error;
  }
  const readers = new Map<FieldRef, FieldReader>();
  const fail = (why: string) => new FilterError(filter, why);
  if (!isBooleanShaped(tree, coll)) {
    throw new FilterError(filter, `predicate is not a boolean expression: ${filter}, data type: ${typeName(tree, coll)}`, "predicate");
  }
  checkTree(tree, coll, readers, fail, dialect);
  return (row) => evaluate(tree, row, readers) === true;
}

/** Whether `filter` is `pk in [..]` or `pk == x`: the deletes the server applies without running a query. */
export function isPrimaryKeyTerm(filter: string, coll: CollectionState, params: Record<string, unknown> = {}): boolean {
  const pk = coll.fields.find((f) => f.primaryKey)?.name;
  let tree: Node;
  try {
    tree = parseExpression(filter, "2.5", params);
  } catch {
    return false;
  }
  const isPk = (n: Node) => n.type === "field" && n.path.length === 0 && n.name === pk;
  if (tree.type === "in") return !tree.negate && isPk(tree.operand);
  return tree.type === "compare" && tree.op === "==" && (isPk(tree.left) || isPk(tree.right));
}
