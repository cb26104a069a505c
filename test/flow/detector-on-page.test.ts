import { expect } from '@open-wc/testing';
import { useEmulator } from '../helpers/emulator.js';
import { click, mountFlow, part, shootAndConfirm, waitForStep } from '../helpers/flow.js';
import { waitUntil } from '../helpers/wait.js';

// Observed, not read from the timeline, whose buffer (250 entries) a test page of modules fills up.
const fetched: string[] = [];
const observer = new PerformanceObserver((list) => fetched.push(...list.getEntries().map((entry) => entry.name)));
const mediaPipeFetched = (): boolean => fetched.some((name) => name.includes('vision_wasm_module_internal'));
/** What the page asked of `fetch` (MediaPipe's wasm and model are fetched so on the page): seen as it is asked. */
const asked: string[] = [];
const mediaPipeAsked = (): boolean => asked.some((url) => /vision_wasm_module_internal|\.tflite/.test(url));
/** The code that loads the detector on the page, fetched as a module as soon as that load begins. */
const pageLoaderFetched = (): boolean => fetched.some((name) => name.includes('main-thread-detector'));
/** The workers the element tried to start, by their script's address. */
const refusedWorkers: string[] = [];
/** Resolves after the page's next idle period (a short timer where idle callbacks do not exist). */
const idlePeriod = (): Promise<void> =>
  new Promise((resolve) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(() => resolve()) : setTimeout(resolve, 200)));

/** Where no worker can run the face detector (WebKitGTK's and older Safari's workers have no WebGL). */
describe('<ekyc-flow> where the face detector cannot run in a worker', function () {
  this.timeout(60_000);
  const NativeWorker = globalThis.Worker;
  const nativeFetch = globalThis.fetch;
  beforeEach(() => {
    observer.observe({ type: 'resource', buffered: true });
    globalThis.Worker = function refusedWorker(url: string | URL) {
      refusedWorkers.push(String(url));
      throw new DOMException('refused', 'SecurityError');
    } as unknown as typeof Worker;
    globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      asked.push(input instanceof Request ? input.url : String(input));
      return nativeFetch(input, init);
    };
  });
  afterEach(() => {
    observer.disconnect();
    globalThis.Worker = NativeWorker;
    globalThis.fetch = nativeFetch;
  });

  it('leaves MediaPipe off the page during the document step, and loads it there for the selfie', async () => {
    const { emulator, apiBase } = await useEmulator();
    // Nothing fetched ahead at the intro: what is fetched is what the steps load.
    const element = await mountFlow({ apiBase, sessionId: emulator.createSession(), documentType: 'passport', manualCapture: true, prefetch: 'none' });
    await click(element, 'start-button');
    await waitForStep(element, 'document-front');
    // The element tries the face detector's worker in idle time; refused, it must wait for the selfie.
    await waitUntil(() => refusedWorkers.some((url) => url.includes('face-worker')), 'the face worker tried', { timeout: 20_000 });
    // Two idle periods more: a page load started on the refusal would have fetched its loader by then.
    await idlePeriod();
    await idlePeriod();
    expect(pageLoaderFetched(), 'the page loader fetched during the document step').to.equal(false);
    expect(mediaPipeAsked(), 'MediaPipe asked for during the document step').to.equal(false);
    expect(mediaPipeFetched(), 'MediaPipe fetched during the document step').to.equal(false);
    await shootAndConfirm(element);
    await waitForStep(element, 'selfie', 20_000);
    await waitUntil(() => part(element, 'hint')?.textContent.trim() === 'Put your face in the oval', 'the face detector watching', {
      timeout: 40_000,
    });
    expect(mediaPipeFetched()).to.equal(true);
    expect(pageLoaderFetched(), 'the observer sees the page loader fetched').to.equal(true);
    expect(mediaPipeAsked(), 'the spy sees MediaPipe asked for on the page').to.equal(true);
  });
});
