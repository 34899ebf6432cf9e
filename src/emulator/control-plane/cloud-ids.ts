/** Identifier formats of the resources in cloud-records.ts; the ones the reference does not record are guesses. */
import { randomBytes } from "node:crypto";

const ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

function hex(length: number): string {
  return randomBytes(Math.ceil(length / 2)).toString("hex").slice(0, length);
}

function alnum(length: number): string {
  let out = "";
  for (const byte of randomBytes(length)) out += ALNUM[byte % ALNUM.length];
  return out;
}

/** `backupN_<hex>` (§1.4): N counts the cluster's backups, the hex part makes it unique. */
export function newBackupId(n: number): string {
  return `backup${n}_${hex(16)}`;
}

/** A cloud job id, `job-` + 22 alphanumerics like the import jobs. */
export function newCloudJobId(): string {
  return "job-" + alnum(22);
}

/** [G] The reference records no API key id format; this one mirrors the other prefixed ids. */
export function newApiKeyId(): string {
  return "apikey-" + hex(20);
}

/** A key value, the same length and alphabet as the org key the emulator generates. */
export function newApiKeyValue(): string {
  return hex(80);
}
