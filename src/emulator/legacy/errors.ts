/** Error codes of the Milvus 0.x web server (seed document 002, "Error Codes"). */
export const LegacyCode = {
  success: 0,
  unexpected: 1,
  tableNotExists: 4,
  illegalArgument: 5,
  illegalDimension: 7,
  illegalIndexType: 8,
  illegalTableName: 9,
  illegalTopk: 10,
  illegalRowRecord: 11,
  illegalVectorId: 12,
  fileNotFound: 14,
  illegalNlist: 22,
  illegalMetricType: 23,
  unknownPath: 32,
  queryParamLoss: 33,
  bodyFieldLoss: 34,
  illegalBody: 35,
  bodyParseFail: 36,
  illegalQueryParam: 37,
} as const;

/** A failed call: HTTP status plus the `{"code","message"}` body. */
export class LegacyError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

export const bad = (code: number, message: string) => new LegacyError(400, code, message);

const missingText = (name: string) =>
  `Collection ${name} does not exist. Use milvus.has_collection to verify whether the collection exists.`;

/** A missing collection named in the path: HTTP 404. */
export const missingCollection = (name: string) => new LegacyError(404, LegacyCode.tableNotExists, missingText(name));

/** A missing collection named in a body (`PUT /system/task`, whose documented statuses are 200 and 400 only). */
export const missingCollectionInBody = (name: string) => new LegacyError(400, LegacyCode.tableNotExists, missingText(name));
