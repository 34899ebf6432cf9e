// Step 3 of the migration: reads every vector of a Milvus 0.x collection (flushed, segment by segment) and
// writes a JSON row file for the new collection's ImportJob: { "rows": [{ legacy_id, partition_tag, vector }] }.
//
//   MILVUS_LEGACY_ENDPOINT=http://old-milvus:19121 node export-legacy.js books ./books-rows.json
"use strict";
const { writeFileSync } = require("node:fs");
const { LegacyMilvusClient } = require("pulumi-zilliz/client");

async function main() {
  const [collection, out] = process.argv.slice(2);
  const endpoint = process.env.MILVUS_LEGACY_ENDPOINT;
  if (!collection || !out || !endpoint) throw new Error("usage: MILVUS_LEGACY_ENDPOINT=<url> node export-legacy.js <collection> <out.json>");
  const client = new LegacyMilvusClient({ endpoint });
  // Rows reach a segment only when flushed: flush first, so every vector is read.
  await client.flush([collection]);
  const rows = [];
  for await (const segment of client.listSegments(collection)) {
    for await (const row of client.segmentVectors(collection, segment.name)) {
      rows.push({ legacy_id: row.id, partition_tag: segment.partition_tag, vector: row.vector });
    }
  }
  writeFileSync(out, JSON.stringify({ rows }));
  console.log(`${rows.length} rows of ${collection} written to ${out}`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
