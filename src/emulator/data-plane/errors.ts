/** A Milvus error: the `code` and `message` that go into the `{"code":N,"message":"…"}` envelope. */
export class DataPlaneError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
    this.name = "DataPlaneError";
  }
}

/** Milvus `merr` codes the emulator produces (names follow the server's constants). */
export const Code = {
  collectionNotFound: 100,
  collectionNotLoaded: 101,
  collectionLoaded: 104,
  partitionNotFound: 200,
  partitionNotLoaded: 201,
  indexNotFound: 700,
  databaseNotFound: 800,
  invalidDatabaseName: 802,
  parameterInvalid: 1100,
  parameterMissing: 1101,
  aliasNotFound: 1600,
  aliasCollectionConflict: 1601,
  aliasExists: 1602,
  needAuthenticate: 1800,
  incorrectParameterFormat: 1801,
  missingRequiredParameters: 1802,
  invalidInsertData: 1804,
  importFailed: 2100,
  unexpected: 65535,
} as const;

/** `<text>: invalid parameter` (code 1100), the format of `merr.WrapErrParameterInvalidMsg`. */
export function invalidParameter(text: string): DataPlaneError {
  return new DataPlaneError(Code.parameterInvalid, `${text}: invalid parameter`);
}
