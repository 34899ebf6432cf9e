/** A log of API calls received, so tests can prove what was (or was not) called. Control endpoints are not logged. */

/** One call: `target` is "control" for the control plane or a cluster id for its data plane. */
export interface CallEntry {
  target: string;
  method: string;
  path: string;
  time: string;
}

/** The log and per-route counters (`"<target> <METHOD> <path>"`). */
export class CallLog {
  private entries: CallEntry[] = [];

  record(target: string, method: string, path: string): void {
    this.entries.push({ target, method, path, time: new Date().toISOString() });
  }

  clear(): void {
    this.entries = [];
  }

  /** `{total, counts, calls}` where counts are keyed `METHOD path` (control plane) or `clusterId METHOD path`. */
  summary(): { total: number; counts: Record<string, number>; calls: CallEntry[] } {
    const counts: Record<string, number> = {};
    for (const e of this.entries) {
      const key = e.target === "control" ? `${e.method} ${e.path}` : `${e.target} ${e.method} ${e.path}`;
      counts[key] = (counts[key] ?? 0) + 1;
    }
    return { total: this.entries.length, counts, calls: [...this.entries] };
  }
}
