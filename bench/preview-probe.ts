/**
 * Where preview time goes when no API call is made: previews of no-op dynamic stacks of 2N+1 resources,
 * interleaved — `flat` (one input each, the benchmark's baseline), `chained` (the shape of ours: one root, N
 * resources depending on it, N more depending on those) and `wide` (flat, but each resource registers ~20
 * properties, most undefined, and a nested schema, as pulumi-zilliz's classes do so that every output exists
 * as an `Output`), and wide's two halves apart: `nested` (the schema only) and `keys` (the 18 undefined
 * properties only). `keys0`, `nested0` and `wide0` are the same, registered as pulumi-zilliz's classes do
 * since issue 9 (without the SDK's debug stack traces, shared/debug-stacks.ts). No provider work differs.
 *
 *   npm run --silent build && tsc -p bench/tsconfig.json && node .pulumi-local/bench-build/bench/preview-probe.js [N] [repeats] [shape,…]
 */
import * as pulumi from "@pulumi/pulumi";
import type { PulumiFn } from "@pulumi/pulumi/automation";
import { benchStack } from "./engine";

const provider: pulumi.dynamic.ResourceProvider = {
  async create(inputs) {
    return { id: `noop-${inputs.name}`, outs: inputs };
  },
  async diff(_id, olds, news) {
    return { changes: JSON.stringify(olds) !== JSON.stringify(news) };
  },
};

class Noop extends pulumi.dynamic.Resource {
  constructor(name: string, extra: Record<string, unknown> = {}) {
    super(provider, name, { name, ...extra }, {});
  }
}

/** Registered as pulumi-zilliz's classes are: no debug stack traces during the SDK's constructor. */
class CheapNoop extends pulumi.dynamic.Resource {
  constructor(name: string, extra: Record<string, unknown> = {}) {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      super(provider, name, { name, ...extra }, {});
    } finally {
      Error.stackTraceLimit = limit;
    }
  }
}

const SCHEMA = { fields: [{ name: "id", dataType: "Int64", isPrimary: true }, { name: "vec", dataType: "FloatVector", dim: 8 }] };
const wideProps = (): Record<string, unknown> => {
  const props: Record<string, unknown> = { clusterId: "in01-0123456789abcde", schema: SCHEMA };
  for (let k = 0; k < 18; k++) props[`p${k}`] = undefined;
  return props;
};

function shapes(n: number): Record<string, PulumiFn> {
  return {
    flat: async () => {
      for (let i = 0; i < 2 * n + 1; i++) new Noop(`r${i}`);
      return {};
    },
    chained: async () => {
      const root = new Noop("root");
      for (let i = 0; i < n; i++) new Noop(`x${i}`, { dep: new Noop(`c${i}`, { dep: root.id }).id });
      return {};
    },
    nested: async () => {
      for (let i = 0; i < 2 * n + 1; i++) new Noop(`s${i}`, { clusterId: "in01-0123456789abcde", schema: SCHEMA });
      return {};
    },
    keys: async () => {
      for (let i = 0; i < 2 * n + 1; i++) new Noop(`k${i}`, Object.fromEntries(Array.from({ length: 18 }, (_, k) => [`p${k}`, undefined])));
      return {};
    },
    wide: async () => {
      for (let i = 0; i < 2 * n + 1; i++) new Noop(`w${i}`, wideProps());
      return {};
    },
    keys0: async () => {
      for (let i = 0; i < 2 * n + 1; i++) new CheapNoop(`q${i}`, Object.fromEntries(Array.from({ length: 18 }, (_, k) => [`p${k}`, undefined])));
      return {};
    },
    nested0: async () => {
      for (let i = 0; i < 2 * n + 1; i++) new CheapNoop(`t${i}`, { clusterId: "in01-0123456789abcde", schema: SCHEMA });
      return {};
    },
    wide0: async () => {
      for (let i = 0; i < 2 * n + 1; i++) new CheapNoop(`v${i}`, wideProps());
      return {};
    },
  };
}

async function main(): Promise<void> {
  const n = Number(process.argv[2] ?? "100");
  const repeats = Number(process.argv[3] ?? "3");
  const only = process.argv[4]?.split(",");
  const stacks = await Promise.all(Object.entries(shapes(n)).filter(([label]) => !only || only.includes(label)).map(async ([label, program]) => ({ label, ...(await benchStack(`probe-${label}`, program)) })));
  for (const s of stacks) await s.stack.up();
  const times: Record<string, number[]> = {};
  for (let k = 0; k < repeats; k++) {
    for (const s of stacks) {
      const t0 = performance.now();
      await s.stack.preview();
      (times[s.label] ??= []).push((performance.now() - t0) / 1000);
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  for (const [label, xs] of Object.entries(times)) console.log(`${label}: median ${median(xs).toFixed(2)} s (${xs.map((x) => x.toFixed(2)).join(", ")})`);
  for (const s of stacks) {
    await s.stack.destroy();
    s.cleanup();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
