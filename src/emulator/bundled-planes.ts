/**
 * The bundled data plane and legacy API, loaded lazily by `startEmulator` so that a caller passing its own
 * factories (tests of the control plane) does not load them.
 */
import { createDataPlane as createBundledDataPlane } from "./data-plane";
import { createLegacyApi as createBundledLegacyApi } from "./legacy";
import type { DataPlaneFactory, LegacyApi } from "./data-plane-port";

/** Each cluster's data plane. */
export const createDataPlane: DataPlaneFactory = (options) => createBundledDataPlane(options);

/** The legacy 0.x API. */
export const createLegacyApi = (): LegacyApi => createBundledLegacyApi();
