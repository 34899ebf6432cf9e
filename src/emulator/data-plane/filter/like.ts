/** Milvus `like` patterns: `%` matches any run of characters, `_` one character, `\%` and `\_` themselves. */

const cache = new Map<string, RegExp>();

/** The anchored regular expression for a `like` pattern. */
export function likeToRegExp(pattern: string): RegExp {
  let re = cache.get(pattern);
  if (re) return re;
  let source = "";
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === "\\" && (pattern[i + 1] === "%" || pattern[i + 1] === "_")) {
      source += pattern[++i];
      continue;
    }
    if (ch === "%") source += "[\\s\\S]*";
    else if (ch === "_") source += "[\\s\\S]";
    else source += ch.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }
  re = new RegExp(`^${source}$`, "u");
  cache.set(pattern, re);
  return re;
}
