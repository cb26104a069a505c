/**
 * Shows `states` as the element's custom states (`:state(selfie)`), replacing the ones shown before. Where the
 * browser has no `ElementInternals.states`, or refuses a name (engines that still wanted `--name`), nothing is
 * shown and nothing throws: the states are a styling aid, never needed to use the element.
 */
export function showStates(internals: ElementInternals | null, states: readonly string[]): void {
  const set = internals?.states;
  if (!set) return;
  try {
    for (const state of [...set]) if (!states.includes(state)) set.delete(state);
    for (const state of states) set.add(state);
  } catch {
    // A browser that does not take plain names.
  }
}

/** `attachInternals()` where the browser has it (it is what custom states need). */
export function internalsOf(element: HTMLElement): ElementInternals | null {
  try {
    return typeof element.attachInternals === 'function' ? element.attachInternals() : null;
  } catch {
    return null;
  }
}
