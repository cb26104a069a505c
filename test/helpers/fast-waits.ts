import { setWaits } from '../../src/platform/waits.js';

/**
 * Retries and polls in milliseconds, not seconds: for the tests of what happens after them. Their real
 * delays stay covered by the tests that keep them (the backoff test, a dropped upload retried in real time).
 */
export const FAST_WAITS = {
  apiRetryMs: [20, 60],
  handoffSendRetryMs: [20, 40, 100],
  handoffPollMs: 50,
  handoffRetryMs: [20, 40, 100],
};

/** Shortens the waits for every test of the `describe` this is called in. */
export function useFastWaits(): void {
  let restore = (): void => undefined;
  before(() => {
    restore = setWaits(FAST_WAITS);
  });
  after(() => restore());
}
