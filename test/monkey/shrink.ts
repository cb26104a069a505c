import type { Action } from './actions.js';
import type { RunFailure } from './driver.js';

export interface Shrunk {
  /** Indices, in the seed's list, of the actions that still break the same invariant. */
  kept: number[];
  failure: RunFailure;
  runs: number;
}

/**
 * The smallest list it finds of `actions` (indices into the seed's list) that still breaks `failure`'s invariant:
 * the actions after the failure dropped first, then chunks of halving size (delta debugging), within `budgetMs`.
 * `run` replays a list on a fresh element.
 */
export async function shrink(
  actions: readonly Action[],
  failure: RunFailure,
  run: (actions: Action[]) => Promise<RunFailure | null>,
  budgetMs: number,
): Promise<Shrunk> {
  const end = performance.now() + budgetMs;
  let kept = actions.slice(0, failure.at + 1).map((_, index) => index);
  let last = failure;
  let runs = 0;
  const stillFails = async (candidate: number[]): Promise<RunFailure | null> => {
    runs += 1;
    const result = await run(candidate.map((index) => actions[index]!));
    return result && result.invariant === failure.invariant ? result : null;
  };
  let chunk = Math.max(1, Math.floor(kept.length / 2));
  while (performance.now() < end) {
    let removed = false;
    for (let start = 0; start < kept.length && performance.now() < end; start += chunk) {
      const candidate = [...kept.slice(0, start), ...kept.slice(start + chunk)];
      if (candidate.length === 0) continue;
      const result = await stillFails(candidate);
      if (result) {
        // Only what led to the failure is kept.
        kept = candidate.slice(0, result.at + 1);
        last = result;
        removed = true;
        start -= chunk;
      }
    }
    if (!removed) {
      if (chunk === 1) break;
      chunk = Math.max(1, Math.floor(chunk / 2));
    }
  }
  return { kept, failure: last, runs };
}
