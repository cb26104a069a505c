/** Plain tests of what the seeded random interaction (test/monkey/, npm run monkey) found, one each. */
import { expect } from '@open-wc/testing';
import type { EkycFlow } from '../../src/index.js';
import { faceAssetUrls } from '../../src/face/detector/assets.js';
import { createLocalFaceDetector } from '../../src/face/detector/tasks-detector.js';
import { bitmapOf } from '../face/images.js';
import { useEmulator } from '../helpers/emulator.js';
import { analysisWorkers, replaceMethod, spyWorkers } from '../helpers/element.js';
import { spyConsole } from '../helpers/spies.js';
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

describe('the face detector on the page', function () {
  this.timeout(60_000);

  // A console error the element did not mean: MediaPipe's runtime printed its INFO lines through console.error
  // ("INFO: Created TensorFlow Lite XNNPACK delegate for CPU."), as it does in a worker too.
  it('prints no error and no INFO line while it loads and detects', async () => {
    const logged = spyConsole();
    try {
      const detector = await createLocalFaceDetector(faceAssetUrls('/public/ekyc-assets/'));
      try {
        const faces = detector.detect(await bitmapOf('/test/fixtures/faces/person-a.jpg'), 1);
        expect(faces).to.have.length(1);
      } finally {
        detector.close();
      }
      expect(logged.calls.filter((call) => call.method === 'error' || call.text.includes('INFO'))).to.deep.equal([]);
      expect(logged.calls.map((call) => call.text).join('\n')).not.to.contain('Graph successfully started');
    } finally {
      logged.restore();
    }
  });
});
