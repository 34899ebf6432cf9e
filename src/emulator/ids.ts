/** Identifiers and secrets in the formats the real service uses (zilliz-cloud-api.md §1.4). */
import { randomBytes } from "node:crypto";

const ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

function hex(length: number): string {
  return randomBytes(Math.ceil(length / 2)).toString("hex").slice(0, length);
}

function fromAlphabet(alphabet: string, length: number): string {
  const bytes = randomBytes(length);
  let out = "";
  for (const byte of bytes) out += alphabet[byte % alphabet.length];
  return out;
}

/** The cluster kinds and the id prefix each one gets. */
export type ClusterKind = "free" | "serverless" | "dedicated";
const CLUSTER_PREFIX: Record<ClusterKind, string> = { dedicated: "in01-", free: "in03-", serverless: "in05-" };

/** `in01-`/`in03-`/`in05-` + 15 hex digits. */
export function newClusterId(kind: ClusterKind): string {
  return CLUSTER_PREFIX[kind] + hex(15);
}

/** `proj-` + 22 hex digits. */
export function newProjectId(): string {
  return "proj-" + hex(22);
}

/** `job-` + 22 alphanumerics, the cloud import job form. */
export function newImportJobId(): string {
  return "job-" + fromAlphabet(ALNUM, 22);
}

/** 16 printable characters without quoting trouble: shown once at cluster creation. */
export function newPassword(): string {
  return fromAlphabet(ALNUM + "!@#%^*-_", 16);
}

/** A request id for the `requestid` response header. */
export function newRequestId(): string {
  return hex(32);
}

/** A fresh API key for an emulator started without one. */
export function newApiKey(): string {
  return hex(80);
}
