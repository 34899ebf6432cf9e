/** A valid environment spec used by the environment tests (each test copies and breaks it). */
export function goodSpec(): Record<string, any> {
  return {
    clusters: { search: { clusterName: "search-pr-1", plan: "Serverless", regionId: "gcp-us-west1" } },
    databases: [{ clusterId: "search", dbName: "analytics" }],
    collections: [
      {
        clusterId: "search",
        collectionName: "docs",
        schema: { fields: [{ name: "id", dataType: "Int64", isPrimary: true, autoId: true }, { name: "vec", dataType: "FloatVector", dim: 8 }, { name: "title", dataType: "VarChar", maxLength: 200 }] },
        loaded: true,
      },
      {
        clusterId: "search",
        dbName: "analytics",
        collectionName: "events",
        schema: { fields: [{ name: "pk", dataType: "VarChar", maxLength: 64, isPrimary: true }, { name: "emb", dataType: "FloatVector", dim: 4 }] },
      },
    ],
    indexes: [{ collection: "docs", fieldName: "vec", indexType: "HNSW", metricType: "COSINE", params: { M: 16 } }],
    aliases: [{ collection: "docs", aliasName: "docs_live" }],
    roles: [{ clusterId: "search", roleName: "reader", privileges: [{ privilege: "Search", objectName: "docs" }] }],
    users: [{ clusterId: "search", userName: "app", password: "secret-pass", roles: ["reader"] }],
    imports: [{ collection: "docs", objectUrls: ["s3://bucket/docs/part-1.parquet"] }],
  };
}
