/**
 * Lookups for programs, the equivalent of Terraform data sources: each reads the control plane with the stack's
 * credentials and returns an `Output` (`get…`), or a promise (`lookup…`) for code outside a resource graph.
 */
export { getCloudProviders, getRegions, lookupCloudProviders, lookupRegions, type CloudProviderInfo, type RegionInfo } from "./cloud-lookups";
export { getCluster, lookupCluster, type ClusterInfo, type ClusterQuery } from "./cluster-lookup";
export { getProject, lookupProject, type ProjectInfo, type ProjectQuery } from "./project-lookup";
export type { LookupOptions } from "./lookup-client";
