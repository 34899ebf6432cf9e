/** The clouds and regions the emulator offers, as observed in real traffic (zilliz-cloud-api.md §2.1). */

/** A cloud provider row. */
export interface CloudEntry {
  cloudId: string;
  /** v2 description. */
  description: string;
  /** v1 description (the 2024 traffic used shorter words). */
  descriptionV1: string;
}

export const CLOUDS: readonly CloudEntry[] = [
  { cloudId: "aws", description: "Amazon Web Services", descriptionV1: "amazon aws" },
  { cloudId: "gcp", description: "Google Cloud Platform", descriptionV1: "google cloud" },
  { cloudId: "azure", description: "Microsoft Azure", descriptionV1: "azure" },
];

/** Region ids per cloud. */
export const REGIONS: Readonly<Record<string, readonly string[]>> = {
  aws: ["aws-us-west-2", "aws-us-east-1", "aws-us-east-2", "aws-ap-northeast-1", "aws-ap-southeast-1", "aws-eu-central-1"],
  gcp: ["gcp-us-west1", "gcp-us-central1", "gcp-us-east4", "gcp-europe-west3", "gcp-asia-southeast1"],
  azure: ["az-eastus", "az-centralus", "az-germanywestcentral", "az-westus3"],
};

/** The v1 default region when a `/v1/...` call carries no `regionId` query (the seeds use it). */
export const DEFAULT_V1_REGION = "gcp-us-west1";

/** True when the region exists in the catalog. */
export function isKnownRegion(regionId: string): boolean {
  return Object.values(REGIONS).some((list) => list.includes(regionId));
}

/** The cloud id a region belongs to. */
export function cloudOfRegion(regionId: string): string | undefined {
  return Object.entries(REGIONS).find(([, list]) => list.includes(regionId))?.[0];
}
