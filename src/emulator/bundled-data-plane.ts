/** The bundled data plane, loaded lazily by `startEmulator` so a caller passing its own factory does not load it. */
import { createDataPlane as createBundledDataPlane } from "./data-plane";
import type { DataPlaneFactory } from "./data-plane-port";

/** Each cluster's data plane. */
export const createDataPlane: DataPlaneFactory = (options) => createBundledDataPlane(options);
