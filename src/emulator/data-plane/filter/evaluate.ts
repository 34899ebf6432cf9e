/**
 * Evaluates a checked expression tree against one stored row.
 *
 * Two kinds of absence, as the server treats them:
 * - a JSON/dynamic key that is missing (`undefined`): every test on it is plain `false`, so `!=`, `not in`
 *   and `not (…)` are `true` (checked against Milvus 2.3.5: `age != 10` returns rows without `age`);
 * - a null value of a nullable field (`null`): the test is *unknown*, which `not` keeps unknown, and a row
 *   matches only when the whole filter is `true` (SQL-like three-valued logic).
 */
import type { FieldRef, Node } from "./ast";
import { likeToRegExp } from "./like";

/** A value during evaluation (row values as stored; int64 fields as number or bigint). */
export type Value = number | bigint | string | boolean | null | undefined | Value[] | { [key: string]: Value };

/** How a field reference reads its base value from a stored row (schema field, dynamic key, or `$meta`). */
export type FieldReader = (row: Record<string, unknown>) => unknown;

/** Evaluates `node` over `row`; `readers` maps each FieldRef (by identity) to its reader. */
export function evaluate(node: Node, row: Record<string, unknown>, readers: Map<FieldRef, FieldReader>): Value {
  const ev = (n: Node): Value => evaluate(n, row, readers);
  switch (node.type) {
    case "literal":
      return node.value;
    case "list":
      return node.items.map(ev);
    case "field": {
      const value = followPath(readers.get(node)!(row) as Value, node.path);
      // A JSON null below a path counts as absent.
      return node.path.length > 0 && value === null ? undefined : value;
    }
    case "unary": {
      const v = ev(node.operand);
      if (node.op === "not") return typeof v === "boolean" ? !v : undefined;
      if (!isNumeric(v)) return v === null ? null : undefined;
      return node.op === "-" ? -v : v;
    }
    case "arith":
      return arithmetic(node.op, ev(node.left), ev(node.right));
    case "compare":
      return compare(node.op, ev(node.left), ev(node.right));
    case "range": {
      const middle = ev(node.middle);
      return and(compare(node.lowerOp, ev(node.lower), middle), compare(node.upperOp, middle, ev(node.upper)));
    }
    case "logical": {
      const left = truth(ev(node.left));
      // Short-circuit as the result cannot change any more.
      if (node.op === "and" && left === false) return false;
      if (node.op === "or" && left === true) return true;
      const right = truth(ev(node.right));
      return node.op === "and" ? and(left, right) : or(left, right);
    }
    case "in": {
      const v = ev(node.operand);
      if (v === null) return undefined;
      if (v === undefined) return node.negate;
      const found = (ev(node.list) as Value[]).some((item) => equal(v, item));
      return node.negate ? !found : found;
    }
    case "like": {
      const v = ev(node.operand);
      if (v === null) return undefined;
      return typeof v === "string" ? likeToRegExp(node.pattern).test(v) : false;
    }
    case "null": {
      const v = ev(node.operand);
      const isNull = v === null || v === undefined;
      return node.negate ? !isNull : isNull;
    }
    case "exists":
      return ev(node.operand) !== undefined;
    case "call":
      return call(node.name, node.args.map(ev));
  }
}

function followPath(value: Value, path: (string | number)[]): Value {
  let current = value;
  for (const key of path) {
    if (current === null || current === undefined) return undefined;
    if (Array.isArray(current)) current = typeof key === "number" ? current[key] : undefined;
    else if (typeof current === "object") current = typeof key === "string" ? current[key] : undefined;
    else return undefined;
  }
  return current;
}

function isNumeric(v: Value): v is number | bigint {
  return typeof v === "number" || typeof v === "bigint";
}

function truth(v: Value): boolean | undefined {
  return typeof v === "boolean" ? v : undefined;
}

function and(a: Value, b: Value): boolean | undefined {
  if (a === false || b === false) return false;
  return a === true && b === true ? true : undefined;
}

function or(a: Value, b: Value): boolean | undefined {
  if (a === true || b === true) return true;
  return a === false && b === false ? false : undefined;
}

/** Value equality across number/bigint, and deep equality for JSON arrays and objects. */
export function equal(a: Value, b: Value): boolean {
  // number vs bigint compare by value only with loose equality (`1n == 1`).
  if (isNumeric(a) && isNumeric(b)) return a == b;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => equal(x, b[i]));
  if (a !== null && b !== null && typeof a === "object" && typeof b === "object" && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => equal(a[k], b[k]));
  }
  return a === b;
}

function compare(op: string, a: Value, b: Value): boolean | undefined {
  if (a === null || b === null) return undefined;
  if (a === undefined || b === undefined) return op === "!=";
  if (op === "==") return equal(a, b);
  if (op === "!=") return !equal(a, b);
  const comparable = (isNumeric(a) && isNumeric(b)) || (typeof a === "string" && typeof b === "string");
  if (!comparable) return false;
  const x = a as number;
  const y = b as number;
  if (op === "<") return x < y;
  if (op === "<=") return x <= y;
  if (op === ">") return x > y;
  return x >= y;
}

function arithmetic(op: string, a: Value, b: Value): Value {
  if (a === null || b === null) return null;
  if (!isNumeric(a) || !isNumeric(b)) return undefined;
  if (typeof a === "bigint" && typeof b === "bigint" && op !== "**") {
    if ((op === "/" || op === "%") && b === 0n) return undefined;
    if (op === "+") return a + b;
    if (op === "-") return a - b;
    if (op === "*") return a * b;
    return op === "/" ? a / b : a % b;
  }
  const x = Number(a);
  const y = Number(b);
  if ((op === "/" || op === "%") && y === 0) return undefined;
  if (op === "+") return x + y;
  if (op === "-") return x - y;
  if (op === "*") return x * y;
  if (op === "/") return x / y;
  if (op === "%") return x % y;
  return x ** y;
}

function call(name: string, args: Value[]): Value {
  const [container, argument] = args;
  if (container === null) return null;
  if (!Array.isArray(container)) return name === "array_length" ? undefined : false;
  if (name === "array_length") return container.length;
  if (name === "array_contains" || name === "json_contains") return container.some((x) => equal(x, argument));
  if (!Array.isArray(argument)) return false;
  if (name.endsWith("_all")) return argument.every((want) => container.some((x) => equal(x, want)));
  return argument.some((want) => container.some((x) => equal(x, want)));
}
