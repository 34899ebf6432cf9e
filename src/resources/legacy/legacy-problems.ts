/**
 * The client's 0.x input rules speak the wire names (`index_file_size`); a resource reports them on its own
 * property (`indexFileSize`), so preview names the argument the program wrote.
 */
import type { z } from "zod";

/**
 * Adds one issue per problem, on the property whose wire name the problem starts with (`params.nlist …`
 * goes to `params.nlist`); the message keeps the wire name, the path names the argument.
 */
export function reportProblems(ctx: z.RefinementCtx, problems: readonly string[], wireToProperty: Readonly<Record<string, string>>): void {
  for (const problem of problems) {
    const nested = /^params\.([A-Za-z_]+)/.exec(problem);
    if (nested) {
      ctx.addIssue({ code: "custom", path: ["params", nested[1]!], message: problem });
      continue;
    }
    const wire = Object.keys(wireToProperty).find((w) => problem.startsWith(w));
    const property = wire === undefined ? undefined : wireToProperty[wire]!;
    ctx.addIssue({ code: "custom", path: property === undefined ? [] : [property], message: problem });
  }
}
