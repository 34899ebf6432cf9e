/** The bundled legacy 0.x API, loaded lazily by `startEmulator` (not at all with `legacyPort: false`). */
import { createLegacyApi as createBundledLegacyApi } from "./legacy";
import type { LegacyApi } from "./data-plane-port";

/** The legacy 0.x API. */
export const createLegacyApi = (): LegacyApi => createBundledLegacyApi();
