import { actionsOf, describeAction, type Action } from './actions.js';
import { runActions, type RunFailure } from './driver.js';
import { shrink } from './shrink.js';

export interface Found {
  seed: number;
  invariant: string;
  message: string;
  /** Indices, in the seed's list, of the smallest list found that breaks the invariant again. */
  kept: number[];
  actions: Action[];
}

export interface MonkeyReport {
  seed: number;
  actions: number;
  ms: number;
  /** Distinct failures (by invariant and message, numbers left out), in the order found. */
  failures: Found[];
}

export interface MonkeyOptions {
  /** Only these indices of the seed's list (a replay). */
  keep?: readonly number[];
  /** How long shrinking one failure may take. */
  shrinkMs?: number;
  /** Each failure, described, as it is found. */
  log?: (line: string) => void;
  /** After each action of the seed's list (not those replayed while shrinking). */
  onAction?: () => void;
}

/** What makes two failures the same: the invariant and its words, without the numbers (sessions, seconds, counts). */
const signature = (failure: RunFailure): string => `${failure.invariant}: ${failure.message.replace(/[0-9a-f-]{36}|\d+(\.\d+)?/g, '#')}`;

/** The command that runs the list again. */
export function replayCommand(seed: number, count: number, kept: readonly number[]): string {
  return `npm run monkey -- --seed ${seed} --actions ${count} --keep ${kept.join(',')}`;
}

export function describeFound(found: Found, count: number): string {
  return [
    `seed ${found.seed}: ${found.invariant}: ${found.message}`,
    `after ${found.kept.length} action(s):`,
    ...found.kept.map((index, position) => `  ${index}: ${describeAction(found.actions[position]!)}`),
    `replay: ${replayCommand(found.seed, count, found.kept)}`,
  ].join('\n');
}

/**
 * Runs the seed's `count` actions on one element; after a failure, shrinks it, then goes on with the rest of
 * the list on a fresh element, so that one run reports every distinct failure.
 */
export async function monkey(seed: number, count: number, options: MonkeyOptions = {}): Promise<MonkeyReport> {
  const all = actionsOf(seed, count);
  const indices = options.keep ? [...options.keep] : all.map((_, index) => index);
  const log = options.log ?? (() => undefined);
  const failures: Found[] = [];
  const seen = new Set<string>();
  const started = performance.now();
  let from = 0;
  while (from < indices.length) {
    const part = indices.slice(from);
    const failure = await runActions(part.map((index) => all[index]!), options.onAction);
    if (!failure) break;
    const key = signature(failure);
    if (!seen.has(key)) {
      seen.add(key);
      const list = part.map((index) => all[index]!);
      const shrunk = options.keep || !options.shrinkMs
        ? { kept: list.slice(0, failure.at + 1).map((_, index) => index), failure }
        : await shrink(list, failure, (actions) => runActions(actions), options.shrinkMs);
      const kept = shrunk.kept.map((index) => part[index]!);
      const found = { seed, invariant: failure.invariant, message: shrunk.failure.message, kept, actions: kept.map((index) => all[index]!) };
      seen.add(signature(shrunk.failure));
      failures.push(found);
      log(describeFound(found, count));
    }
    from += failure.at + 1;
  }
  return { seed, actions: indices.length, ms: performance.now() - started, failures };
}
