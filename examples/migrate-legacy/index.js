// Migrating a Milvus 0.x collection to Zilliz Cloud, as code: the old collection (adopted from the running
// 0.x server) and its replacement on a Zilliz Cloud cluster, declared side by side. The steps are in
// README.md; `export-legacy.js` reads the old vectors out into a row file that the ImportJob below loads.
//
// Stack config: zilliz:legacyEndpoint (the 0.x server), zilliz:apiKey and zilliz:cloudApiUrl (Zilliz Cloud),
// and this program's own settings under `migrate:`.
"use strict";
const path = require("node:path");
const { pathToFileURL } = require("node:url");
const pulumi = require("@pulumi/pulumi");
const zilliz = require("pulumi-zilliz");

const config = new pulumi.Config("migrate");
const collectionName = config.get("collectionName") ?? "books";
const dimension = config.getNumber("dimension") ?? 8;
const nlist = config.getNumber("nlist") ?? 1024;
// Step 1 takes the existing 0.x collection and index over (their settings must match, nothing is changed).
const adoptLegacy = config.getBoolean("adoptLegacy") ?? true;
// Step 3: the row file written by export-legacy.js (unset until the data is exported).
const rowsFile = config.get("rowsFile");

// The old side: a collection and its index on the Milvus 0.x server (endpoint from zilliz:legacyEndpoint).
const legacyBooks = new zilliz.LegacyCollection("legacy-books", { collectionName, dimension, metricType: "L2", adopt: adoptLegacy });
const legacyIndex = new zilliz.LegacyIndex("legacy-books-index", { collectionName: legacyBooks.collectionName, indexType: "IVFSQ8", params: { nlist }, adopt: adoptLegacy });

// The new side: a Zilliz Cloud cluster and the collection that replaces the old one. The collection targets
// the cluster by id: its endpoint is looked up when a change is applied.
const cluster = new zilliz.Cluster("target", { clusterName: `${collectionName}-migration`, plan: "Serverless", regionId: config.get("regionId") ?? "gcp-us-west1" });
const books = new zilliz.Collection("books", {
  clusterId: cluster.id,
  collectionName,
  description: `Migrated from the Milvus 0.x collection ${collectionName}`,
  schema: {
    fields: [
      // 0.x IDs are int64 values beyond JavaScript's exact range: kept as text, so none is rounded.
      { name: "legacy_id", dataType: "VarChar", maxLength: 20, isPrimary: true },
      // The 0.x partition tag the vector lived in (`_default` for none).
      { name: "partition_tag", dataType: "VarChar", maxLength: 255 },
      { name: "vector", dataType: "FloatVector", dim: dimension },
    ],
  },
});
// IVFSQ8 on 0.x is IVF_SQ8 on Milvus 2.x, with the same nlist; the metric moves from the collection to the index.
const index = new zilliz.CollectionIndex("books-vector", {
  clusterId: cluster.id,
  collectionName: books.collectionName,
  fieldName: "vector",
  indexType: "IVF_SQ8",
  metricType: "L2",
  params: { nlist },
});

const copy = rowsFile
  ? new zilliz.ImportJob("books-copy", { clusterId: cluster.id, collectionName: books.collectionName, objectUrls: [[pathToFileURL(path.resolve(rowsFile)).href]] }, { dependsOn: [index] })
  : undefined;

exports.legacyCollection = legacyBooks.id;
exports.legacyIndexType = legacyIndex.indexType;
exports.clusterId = cluster.id;
exports.collection = books.id;
exports.copiedRows = copy ? copy.importedRows : 0;
