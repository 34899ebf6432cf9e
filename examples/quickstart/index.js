// Quickstart: a Serverless and a Dedicated cluster, a collection with a custom schema on the Dedicated
// cluster, an HNSW index, and a bulk import of the sample rows in ./data. `npm start` runs it against
// zilliz-local; point `zilliz:cloudApiUrl` / `zilliz:apiKey` at Zilliz Cloud to run it for real.
"use strict";
const path = require("node:path");
const { pathToFileURL } = require("node:url");
const pulumi = require("@pulumi/pulumi");
const zilliz = require("pulumi-zilliz");

const config = new pulumi.Config("quickstart");
const regionId = config.get("regionId") ?? "aws-us-west-2";
const prefix = config.get("namePrefix") ?? "quickstart";

const serverless = new zilliz.Cluster("serverless", {
  clusterName: `${prefix}-serverless`,
  plan: "Serverless",
  regionId,
});

const dedicated = new zilliz.Cluster("dedicated", {
  clusterName: `${prefix}-dedicated`,
  plan: "Enterprise",
  regionId,
  cuType: "Performance-optimized",
  cuSize: 1,
});

// Data-plane resources target the cluster by its resource id: it stays known while the cluster is being
// resized or renamed, so a preview of such a change plans nothing for them. The provider looks up the
// endpoint when it applies a change and signs in with the API key (zilliz:apiKey).
const connection = { clusterId: dedicated.id };

const docs = new zilliz.Collection("docs", {
  ...connection,
  collectionName: "docs",
  description: "Quickstart notes with 8-dimensional embeddings",
  schema: {
    fields: [
      { name: "id", dataType: "Int64", isPrimary: true },
      { name: "title", dataType: "VarChar", maxLength: 256 },
      { name: "topic", dataType: "VarChar", maxLength: 64 },
      { name: "embedding", dataType: "FloatVector", dim: 8 },
    ],
  },
  consistencyLevel: "Bounded",
  // The quickstart is disposable: let `pulumi destroy` drop the collection with its imported rows.
  // Leave this out in real stacks and a drop of a collection holding data is refused.
  allowDataLoss: true,
});

const embeddingIndex = new zilliz.CollectionIndex("docs-embedding", {
  ...connection,
  collectionName: docs.collectionName,
  fieldName: "embedding",
  indexName: "embedding_hnsw",
  indexType: "HNSW",
  metricType: "COSINE",
  params: { M: 16, efConstruction: 200 },
});

const seed = new zilliz.ImportJob(
  "docs-seed",
  {
    clusterId: dedicated.id,
    collectionName: docs.collectionName,
    objectUrls: [[pathToFileURL(path.join(__dirname, "data", "docs.json")).href]],
  },
  { dependsOn: [embeddingIndex] },
);

exports.serverlessClusterId = serverless.clusterId;
exports.dedicatedClusterId = dedicated.clusterId;
exports.endpoint = dedicated.connectAddress;
exports.collection = docs.collectionName;
exports.importedRows = seed.importedRows;
