/** Lookups of the cloud catalogue: the cloud providers and their regions (Terraform's `zillizcloud_regions` and friends). */
import type * as pulumi from "@pulumi/pulumi";
import { asOutput, lookupClient, type Inputs, type LookupOptions } from "./lookup-client";

/** A cloud provider. */
export interface CloudProviderInfo {
  /** e.g. `aws`, `gcp`, `azure`. */
  cloudId: string;
  /** e.g. "Amazon Web Services". */
  description: string;
}

/** A region of a cloud. */
export interface RegionInfo {
  cloudId: string;
  /** e.g. `aws-us-west-2`: what `Cluster.regionId` takes. */
  regionId: string;
  /** The API host the region reports (v2: the global host). */
  domain: string;
}

/** The cloud providers (`GET /v2/clouds`), as a promise. */
export async function lookupCloudProviders(opts: LookupOptions = {}): Promise<CloudProviderInfo[]> {
  return (await lookupClient(opts).clouds.list()).map((c) => ({ cloudId: c.cloudId, description: c.description ?? "" }));
}

/** The regions, all or of one cloud (`GET /v2/regions?cloudId=`), as a promise. */
export async function lookupRegions(args: { cloudId?: string } = {}, opts: LookupOptions = {}): Promise<RegionInfo[]> {
  return (await lookupClient(opts).regions.list({ cloudId: args.cloudId })).map((r) => ({ cloudId: r.cloudId, regionId: r.regionId, domain: r.domain ?? "" }));
}

/**
 * The cloud providers, as an `Output`.
 * @example const clouds = getCloudProviders(); export const cloudIds = clouds.apply((cs) => cs.map((c) => c.cloudId));
 */
export function getCloudProviders(opts: LookupOptions = {}): pulumi.Output<CloudProviderInfo[]> {
  return asOutput({}, () => lookupCloudProviders(opts));
}

/**
 * The regions (of one cloud when `cloudId` is given), as an `Output`.
 * @example const awsRegions = getRegions({ cloudId: "aws" });
 */
export function getRegions(args: Inputs<{ cloudId?: string }> = {}, opts: LookupOptions = {}): pulumi.Output<RegionInfo[]> {
  return asOutput(args, (a) => lookupRegions(a as { cloudId?: string }, opts));
}
