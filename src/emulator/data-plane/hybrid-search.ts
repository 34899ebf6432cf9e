/**
 * v2 `entities/hybrid_search` (and its older alias `entities/advanced_search`): several exact searches over
 * different vector fields, fused by a reranker. `rrf` scores `sum 1/(k + rank)` (k default 60, rank from 1);
 * `weighted` scores `sum weight * normalized distance`, normalizing each metric into [0, 1] (COSINE
 * (1+d)/2, IP 0.5+atan(d)/π, BM25 2·atan(d)/π, L2 and others 1-2·atan(d)/π).
 */
import { collection, type Route } from "./context";
import { Code, DataPlaneError, invalidParameter } from "./errors";
import { decodeObject, type BodySpec } from "./request-body";
import { v2Filter } from "./filter/surface";
import { readablePartitions } from "./load";
import { checkTopK, groupHits, hitRow, rankHits, searchField, searchMetric, type Hit } from "./search";

const SUB_SPEC: BodySpec = {
  struct: "SubSearchReq",
  fields: {
    "data!": "array", annsField: "string", filter: "string", groupingField: "string", metricType: "string", limit: "int32", offset: "int32",
    params: "map", exprParams: "map",
  },
};

function normalize(metric: string, d: number): number {
  if (metric === "COSINE") return (1 + d) * 0.5;
  if (metric === "IP") return 0.5 + Math.atan(d) / Math.PI;
  if (metric === "BM25") return (2 * Math.atan(d)) / Math.PI;
  return 1 - (2 * Math.atan(d)) / Math.PI;
}

function numberParam(value: unknown): number | undefined {
  return typeof value === "number" ? value : undefined;
}

export const hybridSearchRoute: Route = {
  spec: {
    struct: "HybridSearchReq",
    fields: {
      dbName: "string", "collectionName!": "string", partitionNames: "strings", search: "array", rerank: "map", limit: "int32",
      groupingField: "string", groupSize: "int32", strictGroupSize: "bool", outputFields: "strings", consistencyLevel: "string",
    },
  },
  run(body, ctx) {
    const coll = collection(ctx, body.collectionName as string);
    const subs = ((body.search as unknown[] | undefined) ?? []).map((s) => decodeObject(s, SUB_SPEC, "v2"));
    if (subs.length === 0) throw invalidParameter("no ann search requests");
    const partitions = readablePartitions(coll, body.partitionNames as string[] | undefined, "search");
    const rerank = (body.rerank as Record<string, unknown> | undefined) ?? {};
    const strategy = String(rerank.strategy ?? "").toLowerCase();
    const rankParams = (rerank.params as Record<string, unknown> | undefined) ?? {};
    if (strategy !== "rrf" && strategy !== "weighted") throw invalidParameter(`unsupported rank type ${String(rerank.strategy ?? "")}`);
    const k = numberParam(rankParams.k) ?? 60;
    if (strategy === "rrf" && (k <= 0 || k >= 16384)) throw invalidParameter(`The rank params k should be in range (0, 16384)`);
    const weights = (rankParams.weights as unknown[] | undefined) ?? [];
    if (strategy === "weighted" && weights.length !== subs.length) {
      throw new DataPlaneError(
        Code.parameterInvalid,
        `the length of weights param mismatch with ann search requests: invalid parameter[expected=${subs.length}][actual=${weights.length}]`,
      );
    }
    const limit = (body.limit as number | undefined) || 100;
    checkTopK(limit, 0);
    const nq = (subs[0]!.data as unknown[]).length;
    if (subs.some((s) => (s.data as unknown[]).length !== nq)) throw invalidParameter("multiple anns search requests must have the same nq");

    const rows: Record<string, unknown>[] = [];
    const topks: number[] = [];
    for (let q = 0; q < nq; q++) {
      const fused = new Map<string, Hit>();
      subs.forEach((sub, i) => {
        const field = searchField(coll, sub.annsField as string | undefined);
        const metric = searchMetric(coll, field, sub.metricType as string | undefined);
        const params = (sub.params as Record<string, unknown> | undefined) ?? {};
        const hits = rankHits(coll, field, metric, (sub.data as unknown[])[q], {
          predicate: v2Filter((sub.filter as string | undefined) ?? "", coll, "search", sub.exprParams),
          partitions,
          limit: (sub.limit as number | undefined) || limit,
          offset: (sub.offset as number | undefined) ?? 0,
          radius: numberParam(params.radius),
          rangeFilter: numberParam(params.range_filter),
        });
        hits.forEach((hit, rank) => {
          const key = JSON.stringify(hit.r.data[coll.fields.find((f) => f.primaryKey)!.name]);
          const add = strategy === "rrf" ? 1 / (k + rank + 1) : Number(weights[i]) * normalize(metric, hit.d);
          const previous = fused.get(key);
          fused.set(key, { r: hit.r, d: (previous?.d ?? 0) + add });
        });
      });
      const ranked = [...fused.values()].sort((a, b) => b.d - a.d);
      const groupingField = (body.groupingField as string | undefined) || undefined;
      const page = groupingField ? groupHits(ranked, groupingField, (body.groupSize as number | undefined) || 1, 0, limit) : ranked.slice(0, limit);
      topks.push(page.length);
      for (const hit of page) rows.push(hitRow(coll, hit, body.outputFields as string[] | undefined, ctx.int64AsString));
    }
    return { data: rows, extra: { cost: 0, topks } };
  },
};
