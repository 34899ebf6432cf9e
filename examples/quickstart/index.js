// Quickstart: a Serverless and a Dedicated cluster, a collection with a custom schema on the Dedicated
// cluster, an HNSW index, a bulk import of the sample rows in ./data, an alias applications query through,
// and a read-only user. `npm start` runs it against zilliz-local; point `zilliz:cloudApiUrl` /
// `zilliz:apiKey` at Zilliz Cloud to run it for real.
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

// Applications query `docs_live`: pointing it at a new collection later (a blue/green switch) is an
// in-place update of the alias, with no moment when the name resolves to nothing.
const live = new zilliz.Alias("docs-live", {
  ...connection,
  aliasName: "docs_live",
  collectionName: docs.collectionName,
});

// A role that may query and search the collection and nothing else (grants name the collection itself),
// and a user holding it: an application signs in with `docs_reader:<password>` as its token.
const readerRole = new zilliz.Role("docs-reader", {
  ...connection,
  roleName: "docs_read_only",
  privileges: [
    { privilege: "Query", objectName: docs.collectionName },
    { privilege: "Search", objectName: docs.collectionName },
  ],
});

const reader = new zilliz.User("docs-reader", {
  ...connection,
  userName: "docs_reader",
  // `pulumi config set --secret quickstart:readerPassword …` for a real stack; the default is for the emulator.
  password: config.getSecret("readerPassword") ?? pulumi.secret("Reader-Passw0rd"),
  roles: [readerRole.roleName],
});

exports.serverlessClusterId = serverless.clusterId;
exports.dedicatedClusterId = dedicated.clusterId;
exports.endpoint = dedicated.connectAddress;
exports.collection = docs.collectionName;
exports.importedRows = seed.importedRows;
exports.alias = live.aliasName;
exports.readerRole = readerRole.roleName;
exports.readerUser = reader.userName;
