/** A string map in canonical form: sorted keys, every value a string (`true` and `"true"` are one value to the server). */
export function canonicalMap(p: Record<string, unknown> | undefined | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of Object.keys(p ?? {}).sort()) {
    const v = (p ?? {})[key];
    if (v !== undefined && v !== null) out[key] = String(v);
  }
  return out;
}
