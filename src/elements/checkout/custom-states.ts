import {STEPS, type Step} from '../../checkout/types.js';

/**
 * Shows `step` as the element's custom state (`pepay-checkout:state(paid)`) and no other step:
 * exactly one matches at any time. Engines without custom states are skipped.
 */
export function showStep(internals: ElementInternals | null, step: Step): void {
  const states = internals?.states;
  if (!states) return;
  for (const other of STEPS) if (other !== step) deleteState(states, other);
  addState(states, step);
}

// Older engines only take the `--name` form of custom states.
function addState(states: CustomStateSet, name: string): void {
  try {
    states.add(name);
  } catch {
    states.add(`--${name}`);
  }
}

function deleteState(states: CustomStateSet, name: string): void {
  states.delete(name);
  states.delete(`--${name}`);
}
