/** Milvus data plane v2: indexes (`milvus-rest-api.md` §5.4). */
import { z } from "zod";
import { emptyData, keyValueList, stringList } from "../schema-helpers";
import type { Transport } from "../transport";
import { type CallOptions, dropUndefined, post, stringifyParams } from "./call";

/** One index to create. */
export interface IndexParam {
  fieldName: string;
  /** Defaults to the field name on the server. */
  indexName?: string;
  metricType?: string;
  /** Empty means AUTOINDEX. */
  indexType?: string;
  /** e.g. `{M: 16, efConstruction: 200}`; the server JSON-encodes the whole map. */
  params?: Record<string, unknown>;
}

/** The wire form of an index entry (params passed through as given). */
export function toWireIndexParam(p: IndexParam): IndexParam {
  return dropUndefined({ ...p });
}

export const indexDescriptionSchema = z.object({
  indexName: z.string(),
  fieldName: z.string(),
  indexType: z.string().optional(),
  metricType: z.string().optional(),
  indexState: z.string().optional(),
  failReason: z.string().optional(),
  totalRows: z.number().optional(),
  indexedRows: z.number().optional(),
  pendingRows: z.number().optional(),
  /** The params as sent; `params` is the JSON text of the params map. */
  indexParams: keyValueList.optional(),
  "mmap.enabled": z.string().optional(),
});
/** One entry of `indexes/describe`. */
export type IndexDescription = z.output<typeof indexDescriptionSchema>;

type Named = { collectionName: string; dbName?: string };

/** `/v2/vectordb/indexes/...`. */
export class Indexes {
  constructor(private readonly t: Transport) {}
  /** Creates indexes in order. Never retried automatically. */
  async create(req: Named & { indexParams: IndexParam[] }, o: CallOptions = {}): Promise<void> {
    await post(this.t, "indexes/create", { ...req, indexParams: req.indexParams.map(toWireIndexParam) }, emptyData, false, o);
  }
  /** Describes one index (an array, normally of one). Missing: NotFoundError (700). */
  describe(req: Named & { indexName: string }, o: CallOptions = {}): Promise<IndexDescription[]> {
    return post(this.t, "indexes/describe", req, z.array(indexDescriptionSchema), true, o);
  }
  /** Index names of a collection (`[]` when none). */
  list(req: Named, o: CallOptions = {}): Promise<string[]> {
    return post(this.t, "indexes/list", req, stringList, true, o);
  }
  /** Drops an index; idempotent on the server. */
  async drop(req: Named & { indexName: string }, o: CallOptions = {}): Promise<void> {
    await post(this.t, "indexes/drop", req, emptyData, true, o);
  }
  /** Only `mmap.enabled` and `indexoffsetcache.enabled`; the collection must be released. */
  async alterProperties(req: Named & { indexName: string; properties: Record<string, unknown> }, o: CallOptions = {}): Promise<void> {
    await post(this.t, "indexes/alter_properties", { ...req, properties: stringifyParams(req.properties) }, emptyData, true, o);
  }
}
