/**
 * The stored shape, derived from the spec: inputs as the program wrote them wherever the server agrees,
 * the server's value wherever it differs (drift, or work a failure left undone), and the output-only
 * properties as observed. `read` returns the same inputs, so a refresh with no drift changes nothing.
 */
import { comparable, inputProps, type Props, type Spec } from "./spec";
import { stableEqual } from "./stable-equal";

/** The input values to store: `written` kept where `observed` agrees (or does not say), else `observed`. */
export function reconcileInputs(spec: Spec, written: Props, observed: Props): Props {
  const out: Props = {};
  for (const [key, prop] of inputProps(spec)) {
    const mine = written[key];
    if (!(key in observed) || (prop.serverChosen && mine === undefined)) {
      if (mine !== undefined) out[key] = mine;
      continue;
    }
    const theirs = observed[key];
    const same = stableEqual(comparable(prop, mine, written), comparable(prop, theirs, { ...written, ...observed }));
    const value = same ? mine : theirs;
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/** The output-only values of an observation. */
export function outputValues(spec: Spec, observed: Props): Props {
  const out: Props = {};
  for (const [key, prop] of Object.entries(spec)) if (prop.role === "output" && observed[key] !== undefined) out[key] = observed[key];
  return out;
}

/** The input keys of a stored state (outputs and bookkeeping dropped). */
export function writtenInputs(spec: Spec, state: Props): Props {
  const out: Props = {};
  for (const [key] of inputProps(spec)) if (state[key] !== undefined) out[key] = state[key];
  return out;
}
