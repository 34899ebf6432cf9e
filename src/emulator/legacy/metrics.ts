/**
 * Metric types, the shape of a vector for each, and the distance a search reports.
 *
 * Float metrics (L2, IP) take one number per dimension. Binary metrics take the bits packed into bytes:
 * dimension/8 integers of 0-255 per vector (the seed's "you must use uint8").
 */
import { LegacyCode, bad } from "./errors";

export const METRICS = ["L2", "IP", "HAMMING", "JACCARD", "TANIMOTO", "SUBSTRUCTURE", "SUPERSTRUCTURE"] as const;
const BINARY = new Set(["HAMMING", "JACCARD", "TANIMOTO", "SUBSTRUCTURE", "SUPERSTRUCTURE"]);

/** Whether a collection of this metric stores packed binary vectors. */
export const isBinaryMetric = (metric: string): boolean => BINARY.has(metric);

/** Numbers per vector in a request: the dimension, or dimension/8 bytes for a binary metric. */
export const valuesPerVector = (metric: string, dimension: number): number => (isBinaryMetric(metric) ? dimension / 8 : dimension);

/** Checks the `vectors` field of an insert or a search against the collection; returns the vectors. */
export function checkVectors(value: unknown, metric: string, dimension: number): number[][] {
  if (value === undefined || value === null) throw bad(LegacyCode.bodyFieldLoss, "Field 'vectors' is missing");
  if (!Array.isArray(value)) throw bad(LegacyCode.illegalBody, "Field 'vectors' must be an array");
  if (value.length === 0) throw bad(LegacyCode.illegalRowRecord, "The vector array is empty. Make sure you have entered vector records.");
  const binary = isBinaryMetric(metric);
  const width = valuesPerVector(metric, dimension);
  for (const vector of value) {
    if (!Array.isArray(vector)) throw bad(LegacyCode.illegalBody, `A vector in field 'vectors' must be ${binary ? "a uint8" : "a float"} array`);
    if (binary) {
      if (vector.some((x) => typeof x !== "number" || !Number.isInteger(x) || x < 0 || x > 255)) {
        throw bad(LegacyCode.illegalBody, "A vector of a binary collection holds packed bytes: integers within the range of 0 ~ 255.");
      }
      if (vector.length !== width) {
        throw bad(LegacyCode.illegalDimension, `The vector dimension must be equal to the collection dimension (${dimension} bits, ${width} bytes).`);
      }
    } else {
      if (vector.some((x) => typeof x !== "number")) throw bad(LegacyCode.illegalBody, "A vector in field 'vectors' must be a float array");
      if (vector.length !== width) throw bad(LegacyCode.illegalDimension, `The vector dimension must be equal to the collection dimension (${dimension}).`);
    }
  }
  return value as number[][];
}

function popcount(byte: number): number {
  let bits = 0;
  for (let b = byte; b !== 0; b >>= 1) bits += b & 1;
  return bits;
}

/** Bits set in a∧b, in a∨b, in a and in b. */
function bitCounts(a: number[], b: number[]) {
  let both = 0;
  let either = 0;
  let inA = 0;
  let inB = 0;
  a.forEach((x, i) => {
    const y = b[i]!;
    both += popcount(x & y);
    either += popcount(x | y);
    inA += popcount(x);
    inB += popcount(y);
  });
  return { both, either, inA, inB };
}

const jaccard = (both: number, either: number) => (either === 0 ? 0 : 1 - both / either);

/**
 * The distance from `query` to `row`, or undefined when the metric filters the row out (SUBSTRUCTURE keeps
 * rows that contain every bit of the query, SUPERSTRUCTURE rows whose bits all lie in the query).
 */
export function distance(metric: string, query: number[], row: number[]): number | undefined {
  switch (metric) {
    case "L2": // squared Euclidean, as the 0.x engine reports it (the seed's 0.1 vs 0.2 gives 0.010000)
      return query.reduce((sum, x, i) => sum + (x - row[i]!) ** 2, 0);
    case "IP":
      return query.reduce((sum, x, i) => sum + x * row[i]!, 0);
    default: {
      const { both, either, inA, inB } = bitCounts(query, row);
      if (metric === "HAMMING") return either - both;
      if (metric === "JACCARD") return jaccard(both, either);
      if (metric === "TANIMOTO") return either === 0 ? 0 : both === 0 ? Infinity : -Math.log2(both / either);
      if (metric === "SUBSTRUCTURE") return both === inA ? jaccard(both, either) : undefined;
      return both === inB ? jaccard(both, either) : undefined; // SUPERSTRUCTURE
    }
  }
}

/** Whether a larger distance is the better match (inner product); every other metric sorts ascending. */
export const largerIsCloser = (metric: string): boolean => metric === "IP";

/** A distance as the API writes it: a string with six decimals (C's `%f`). */
export function formatDistance(value: number): string {
  if (value === Infinity) return "inf"; // what `%f` prints for a TANIMOTO distance with no shared bit
  const text = value.toFixed(6);
  return text === "-0.000000" ? "0.000000" : text;
}
