/**
 * Exact distances for brute-force search, computed in float32 steps as the server's kernels do, so the
 * numbers printed match (`0.010000001`, not `0.01000000070780…`).
 *
 * Ascending metrics (smaller is closer): L2 (squared, as Milvus reports it), HAMMING, JACCARD.
 * Descending (larger is closer): IP, COSINE, BM25.
 */

const f = Math.fround;

/** Whether smaller values are better for `metric`. */
export function ascending(metric: string): boolean {
  return metric === "L2" || metric === "HAMMING" || metric === "JACCARD";
}

/** Dense float vectors: L2 (squared), IP or COSINE. */
export function denseDistance(metric: string, a: number[], b: number[]): number {
  let sum = 0;
  if (metric === "L2") {
    for (let i = 0; i < a.length; i++) {
      const d = f(f(a[i]!) - f(b[i] ?? 0));
      sum = f(sum + f(d * d));
    }
    return sum;
  }
  let dot = 0;
  for (let i = 0; i < a.length; i++) dot = f(dot + f(f(a[i]!) * f(b[i] ?? 0)));
  if (metric !== "COSINE") return dot;
  const norm = (v: number[]) => Math.sqrt(v.reduce((s, x) => f(s + f(f(x) * f(x))), 0));
  const denominator = f(norm(a) * norm(b));
  return denominator === 0 ? 0 : f(dot / denominator);
}

/** Binary vectors given as byte arrays (dim/8 values 0..255): HAMMING bit count or JACCARD distance. */
export function binaryDistance(metric: string, a: number[], b: number[]): number {
  let differ = 0;
  let union = 0;
  let both = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]! & 0xff;
    const y = (b[i] ?? 0) & 0xff;
    differ += bits(x ^ y);
    union += bits(x | y);
    both += bits(x & y);
  }
  if (metric === "HAMMING") return differ;
  return union === 0 ? 0 : f(1 - f(both / union));
}

function bits(n: number): number {
  let count = 0;
  for (let v = n; v !== 0; v >>= 1) count += v & 1;
  return count;
}

/** A sparse vector as `{index: value}` (the REST form) or `[[index, value], …]`. */
export function sparseEntries(value: unknown): Map<number, number> {
  const out = new Map<number, number>();
  if (Array.isArray(value)) {
    for (const pair of value) if (Array.isArray(pair)) out.set(Number(pair[0]), Number(pair[1]));
  } else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) out.set(Number(k), Number(v));
  }
  return out;
}

/** Inner product of two sparse vectors. */
export function sparseIp(a: Map<number, number>, b: Map<number, number>): number {
  let sum = 0;
  for (const [i, x] of a) {
    const y = b.get(i);
    if (y !== undefined) sum = f(sum + f(f(x) * f(y)));
  }
  return sum;
}

/**
 * BM25 scores of a text query against every document (k1 = 1.2, b = 0.75, the server's defaults), with a
 * lower-casing word tokenizer standing in for the standard analyzer.
 */
export function bm25Scores(query: string, documents: string[], k1 = 1.2, b = 0.75): number[] {
  const tokens = documents.map(words);
  const avg = tokens.reduce((s, t) => s + t.length, 0) / Math.max(tokens.length, 1);
  const terms = [...new Set(words(query))];
  const df = new Map(terms.map((t) => [t, tokens.filter((doc) => doc.includes(t)).length]));
  return tokens.map((doc) => {
    let score = 0;
    for (const term of terms) {
      const tf = doc.filter((w) => w === term).length;
      if (tf === 0) continue;
      const n = df.get(term)!;
      const idf = Math.log(1 + (tokens.length - n + 0.5) / (n + 0.5));
      score += (idf * (tf * (k1 + 1))) / (tf + k1 * (1 - b + (b * doc.length) / (avg || 1)));
    }
    return f(score);
  });
}

function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? [];
}
