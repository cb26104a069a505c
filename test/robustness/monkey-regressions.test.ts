/** Plain tests of what the seeded random interaction (test/monkey/, npm run monkey) found, one each. */
import { expect } from '@open-wc/testing';
import type { EkycFlow } from '../../src/index.js';
import { useEmulator } from '../helpers/emulator.js';
import { analysisWorkers, replaceMethod, spyWorkers } from '../helpers/element.js';
import { click, mountFlow } from '../helpers/flow.js';
import { waitUntil } from '../helpers/wait.js';

const PageWorker = window.Worker;

describe('<ekyc-flow> back at the intro', function () {
  this.timeout(60_000);
  let workers: ReturnType<typeof spyWorkers>;
  let terminate: { restore(): void };
  const terminated = new Set<Worker>();
  beforeEach(() => {
    terminated.clear();
    workers = spyWorkers();
    const original = Object.getOwnPropertyDescriptor(PageWorker.prototype, 'terminate')!.value as (this: Worker) => void;
    terminate = replaceMethod(PageWorker.prototype, 'terminate', function (this: Worker) {
      terminated.add(this);
      original.call(this);
    });
  });
  afterEach(() => {
    terminate.restore();
    workers.restore();
  });

  const liveAnalysis = (): Worker[] => analysisWorkers(workers.spawned).map(({ worker }) => worker).filter((worker) => !terminated.has(worker));

  async function onDocumentFront(): Promise<EkycFlow> {
    const { emulator, apiBase } = await useEmulator();
    const element = await mountFlow({ apiBase, sessionId: emulator.createSession() });
    await click(element, 'start-button');
    await waitUntil(() => liveAnalysis().length === 1, 'the document analysis worker', { timeout: 30_000 });
    return element;
  }

  // Seed 11 of npm run monkey: start, then reset(); the worker stayed until the element left the page.
  it('stops the document analysis worker after reset(), and starts one again with the next run', async () => {
    const element = await onDocumentFront();
    element.reset();
    await waitUntil(() => liveAnalysis().length === 0, 'no analysis worker left', { timeout: 5_000 });
    expect(element.step).to.equal('intro');
    await click(element, 'start-button');
    await waitUntil(() => liveAnalysis().length === 1, 'a new analysis worker', { timeout: 30_000 });
  });

  it('stops the document analysis worker after cancel()', async () => {
    const element = await onDocumentFront();
    element.cancel();
    await waitUntil(() => liveAnalysis().length === 0, 'no analysis worker left', { timeout: 5_000 });
    expect(element.step).to.equal('intro');
  });
});
