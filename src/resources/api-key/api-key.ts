import { resourceClass, type ResourceInstance } from "../shared/resource-class";
import type { ArgsOf } from "../shared/spec";
import { apiKeySpec, type ApiKeySpec } from "./api-key-spec";

/** Arguments of an {@link ApiKey} (documented property by property in its spec). */
export type ApiKeyArgs = ArgsOf<ApiKeySpec>;

/**
 * A Zilliz Cloud API key with an org role and project, cluster and volume scopes, all updated in place.
 * Its value, `apiKey`, is a secret output known only to the stack that created the key: the service shows
 * it once, in the create answer. A key read with `ApiKey.get(name, "<apiKeyId>")` or taken over with
 * `adopt: true` keeps `apiKey` empty (`""`): to get a usable value, create a new key. The id is the key id.
 *
 * A scoped key works as the data-plane token of the clusters it reaches, and is refused by the others.
 *
 * @example
 * const key = new ApiKey("ingest", { name: "ingest", orgRole: "Member", projects: [{ projectId: project.id, role: "Read-Write", clusterIds: [cluster.id] }] });
 * new Collection("docs", { endpoint: cluster.connectAddress, token: key.apiKey, collectionName: "docs", schema });
 */
export const ApiKey = resourceClass<ApiKeySpec>("ApiKey", apiKeySpec);
/** An {@link ApiKey} instance. */
export type ApiKey = ResourceInstance<ApiKeySpec>;
