import { expect } from '@open-wc/testing';
import { useEmulator } from '../helpers/emulator.js';
import { click, mountFlow, part, shootAndConfirm, waitForStep } from '../helpers/flow.js';
import { waitUntil } from '../helpers/wait.js';

// Observed, not read from the timeline, whose buffer (250 entries) a test page of modules fills up.
const fetched: string[] = [];
const observer = new PerformanceObserver((list) => fetched.push(...list.getEntries().map((entry) => entry.name)));
const mediaPipeFetched = (): boolean => fetched.some((name) => name.includes('vision_wasm_module_internal'));

/** Where no worker can run the face detector (WebKitGTK's and older Safari's workers have no WebGL). */
describe('<ekyc-flow> where the face detector cannot run in a worker', function () {
  this.timeout(60_000);
  const NativeWorker = globalThis.Worker;
  beforeEach(() => {
    observer.observe({ type: 'resource', buffered: true });
    globalThis.Worker = function refusedWorker() {
      throw new DOMException('refused', 'SecurityError');
    } as unknown as typeof Worker;
  });
  afterEach(() => {
    observer.disconnect();
    globalThis.Worker = NativeWorker;
  });

  it('leaves MediaPipe off the page during the document step, and loads it there for the selfie', async () => {
    const { emulator, apiBase } = await useEmulator();
    // Nothing fetched ahead at the intro: what is fetched is what the steps load.
    const element = await mountFlow({ apiBase, sessionId: emulator.createSession(), documentType: 'passport', manualCapture: true, prefetch: 'none' });
    await click(element, 'start-button');
    await waitForStep(element, 'document-front');
    // Idle time comes and goes: a worker would have loaded the detector by now.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(mediaPipeFetched(), 'MediaPipe fetched during the document step').to.equal(false);
    await shootAndConfirm(element);
    await waitForStep(element, 'selfie', 20_000);
    await waitUntil(() => part(element, 'hint')?.textContent.trim() === 'Put your face in the oval', 'the face detector watching', {
      timeout: 40_000,
    });
    expect(mediaPipeFetched()).to.equal(true);
  });
});
