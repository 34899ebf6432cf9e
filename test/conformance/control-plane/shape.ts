/**
 * Compares a response body with a hand-written example: same keys, same JSON types (recursively, every array
 * element against the example's first element), plus listed fixed values and id patterns by path.
 * A path is dot-separated; `[]` stands for every element of an array (`data.clusters[].clusterId`).
 */

function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

/** Every difference in keys or types between `actual` and `example`, as readable lines. */
export function shapeDifferences(actual: unknown, example: unknown, at = "$"): string[] {
  const a = typeOf(actual);
  const e = typeOf(example);
  if (a !== e) return [`${at}: expected ${e}, got ${a} (${JSON.stringify(actual)})`];
  if (e === "array") {
    const list = actual as unknown[];
    const template = (example as unknown[])[0];
    if (template === undefined) return list.length === 0 ? [] : [`${at}: expected an empty array`];
    return list.flatMap((item, i) => shapeDifferences(item, template, `${at}[${i}]`));
  }
  if (e === "object") {
    const act = actual as Record<string, unknown>;
    const exp = example as Record<string, unknown>;
    const out: string[] = [];
    for (const key of Object.keys(exp)) if (!(key in act)) out.push(`${at}.${key}: missing`);
    for (const key of Object.keys(act)) if (!(key in exp)) out.push(`${at}.${key}: not in the example`);
    for (const key of Object.keys(exp)) if (key in act) out.push(...shapeDifferences(act[key], exp[key], `${at}.${key}`));
    return out;
  }
  return [];
}

/** The values at a path (several when it crosses `[]`). */
export function valuesAt(root: unknown, path: string): unknown[] {
  let current: unknown[] = [root];
  for (const part of path.split(".")) {
    const many = part.endsWith("[]");
    const key = many ? part.slice(0, -2) : part;
    current = current.flatMap((value) => {
      if (value === null || typeof value !== "object") return [undefined];
      const next = (value as Record<string, unknown>)[key];
      return many ? (Array.isArray(next) ? next : [undefined]) : [next];
    });
  }
  return current;
}
