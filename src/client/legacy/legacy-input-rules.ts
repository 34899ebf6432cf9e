/**
 * What a Milvus 0.x server accepts for a collection and a partition tag (seed 002 and the server's name rules),
 * as pure checks: a resource reports bad input at preview, naming the property, before any call.
 */
import { LEGACY_BINARY_METRICS } from "./legacy-index-params";

/** The metric types a 0.x collection may use. */
export const LEGACY_METRIC_TYPES = ["L2", "IP", "HAMMING", "JACCARD", "TANIMOTO", "SUBSTRUCTURE", "SUPERSTRUCTURE"] as const;
export type LegacyMetricType = (typeof LEGACY_METRIC_TYPES)[number];

const isInt = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v);

/** Problems with a `POST /collections` body, one sentence each naming the field (empty when none). */
export function legacyCollectionProblems(c: { collection_name: string; dimension: number; index_file_size?: number; metric_type?: string }): string[] {
  const problems: string[] = [];
  if (c.collection_name.length === 0 || c.collection_name.length > 255 || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(c.collection_name)) {
    problems.push(`collection_name "${c.collection_name}" must be 1 ~ 255 letters, digits or underscores, starting with a letter or underscore`);
  }
  if (!isInt(c.dimension) || c.dimension < 1 || c.dimension > 32768) problems.push(`dimension must be an integer within 1 ~ 32768, not ${JSON.stringify(c.dimension)}`);
  if (c.index_file_size !== undefined && (!isInt(c.index_file_size) || c.index_file_size < 1 || c.index_file_size > 4096)) {
    problems.push(`index_file_size must be an integer within 1 ~ 4096 (MB), not ${JSON.stringify(c.index_file_size)}`);
  }
  const metric = c.metric_type ?? "L2";
  if (!(LEGACY_METRIC_TYPES as readonly string[]).includes(metric)) problems.push(`metric_type "${metric}" is not one of ${LEGACY_METRIC_TYPES.join(", ")}`);
  else if ((LEGACY_BINARY_METRICS as readonly string[]).includes(metric) && isInt(c.dimension) && c.dimension % 8 !== 0) {
    problems.push(`dimension of a ${metric} (binary) collection must be a multiple of 8, not ${c.dimension}`);
  }
  return problems;
}

/** The problem with a partition tag, or undefined when the server takes it. `_default` exists already. */
export function legacyPartitionTagProblem(tag: string): string | undefined {
  if (tag === "_default") return `partition_tag "_default" is the collection's default partition; it cannot be created or dropped`;
  if (tag.length === 0 || tag.length > 255 || !/^[A-Za-z0-9_][A-Za-z0-9_$]*$/.test(tag)) {
    return `partition_tag "${tag}" must be 1 ~ 255 letters, digits, underscores or dollar signs, not starting with a dollar sign`;
  }
  return undefined;
}
