/**
 * The metadata check Zilliz Cloud makes before it accepts an import: each object-store URL is read (one byte)
 * with the user's keys, and a refusal of those keys refuses the request. A missing bucket or object does
 * not refuse it here; the job then fails with the reason (see docs/emulator.md).
 */
import { remoteAddress, type ImportSource } from "./import-files";
import { AUTH_ERROR_CODES, getObject } from "./object-store";

/** The first refusal of the keys, as `<url>: <S3 code>: <message>`, or undefined. */
export async function checkObjectAccess(urls: string[], source: ImportSource): Promise<string | undefined> {
  for (const url of urls) {
    const address = remoteAddress(url, source);
    if (!address || !source.objectStore) continue;
    const credentials = source.credentials ?? (source.objectStore.accessKey ? { accessKey: source.objectStore.accessKey, secretKey: source.objectStore.secretKey ?? "" } : undefined);
    const read = await getObject(source.objectStore, address, credentials, "bytes=0-0");
    if (!read.ok && AUTH_ERROR_CODES.includes(read.code)) return `${url}: ${read.code}: ${read.message}`;
  }
  return undefined;
}
