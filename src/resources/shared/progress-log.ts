/**
 * Progress messages for long waits. `@pulumi/pulumi`'s log is required at call time inside the provider
 * process (never captured). The dynamic-provider process has no engine connection of its own, so the SDK
 * prints `info: ...` on stdout, which the CLI shows (pulumi-dynamic-providers.md §1.3).
 */
export type ProgressLogger = (message: string) => void;

/** Logs through `pulumi.log.info`; `PULUMI_ZILLIZ_QUIET=1` silences it (tests). */
export const pulumiProgress: ProgressLogger = (message) => {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const pulumi = require("@pulumi/pulumi") as typeof import("@pulumi/pulumi");
    if (process.env.PULUMI_ZILLIZ_QUIET !== "1") void pulumi.log.info(message);
  } catch {
    // Logging must never fail an operation.
  }
};
