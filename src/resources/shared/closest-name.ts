/** "Did you mean …?" for a mistyped argument name. */

/** Edit distance (insertions, deletions, substitutions, and swaps of neighbours count 1). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The known name closest to `name`, when it is close enough to be a typo: a case-insensitive match, one
 * that contains the other (`isPrimaryKey` → `isPrimary`), or within a third of the name's length in edits.
 */
export function closestName(name: string, known: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  let best: { name: string; score: number } | undefined;
  for (const k of known) {
    const kl = k.toLowerCase();
    const score = kl === lower ? 0 : lower.includes(kl) || kl.includes(lower) ? 1 : editDistance(lower, kl);
    if (best === undefined || score < best.score) best = { name: k, score };
  }
  if (!best) return undefined;
  return best.score <= Math.max(2, Math.floor(name.length / 3)) ? best.name : undefined;
}

/** The message for an unknown argument, with a suggestion when one is close. */
export function unknownKeyMessage(key: string, known: readonly string[]): string {
  const near = closestName(key, known);
  return near ? `unknown argument "${key}"; did you mean "${near}"?` : `unknown argument "${key}" (known: ${known.join(", ")})`;
}
