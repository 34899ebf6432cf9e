/** Tagged template that percent-encodes every interpolated path segment (names are user strings). */
export function path(strings: TemplateStringsArray, ...values: Array<string | number>): string {
  return strings.reduce((acc, s, i) => {
    if (i === 0) return s;
    const v = values[i - 1];
    if (typeof v !== "string" && typeof v !== "number") throw new TypeError(`path segment must be a string or number, got ${typeof v}`);
    if (v === "") throw new TypeError("path segment must not be empty");
    return acc + encodeURIComponent(String(v)) + s;
  }, "");
}

/** Builds a query string from defined values (`?a=1&b=x`), or "" when none. */
export function query(params: Record<string, string | number | boolean | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : "";
}
