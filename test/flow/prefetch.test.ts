import { expect } from '@open-wc/testing';
import { FACE_ASSET_FILES } from '../../src/face/detector/assets.js';
import { nextTask, whenIdle } from '../../src/platform/scheduling.js';
import { useEmulator } from '../helpers/emulator.js';
import type { EkycFlow } from '../../src/index.js';
import { mountFlow, type FlowAttributes } from '../helpers/flow.js';
import { waitUntil } from '../helpers/wait.js';

const nativeFetch = window.fetch.bind(window);

/** A folder of the face detector's files of its own (see web-test-runner.config.js), its model held back until released. */
function faceAssetsFolder(): { assetsBase: string; release: () => Promise<void> } {
  const folder = `/slow-face-assets/${crypto.randomUUID()}/`;
  return { assetsBase: folder, release: () => nativeFetch(`${folder}release`).then(() => undefined) };
}

interface Requests {
  /** Every `fetch` the page made from now on: its address and the priority it asked for. */
  fetches: { url: string; priority: string | undefined }[];
  /** Every resource the page asked for from now on and received, whatever asked for it. */
  received: string[];
  stop(): void;
}

function watchRequests(): Requests {
  const own = Object.getOwnPropertyDescriptor(window, 'fetch');
  const requests: Requests = {
    fetches: [],
    received: [],
    stop: () => {
      if (own) Object.defineProperty(window, 'fetch', own);
      else Reflect.deleteProperty(window, 'fetch');
      observer.disconnect();
    },
  };
  window.fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : input, location.href).href;
    requests.fetches.push({ url, priority: init?.priority });
    return nativeFetch(input, init);
  };
  // Only what was asked for from now on: a request of the test before may end, and be reported, after this.
  const since = performance.now();
  const observer = new PerformanceObserver((list) =>
    requests.received.push(...list.getEntries().flatMap((entry) => (entry.startTime >= since ? [entry.name] : []))),
  );
  observer.observe({ type: 'resource' });
  return requests;
}

/** Stands in for the Network Information API (only Chromium-based browsers have one); answers what puts it back. */
function pretendConnection(connection: { saveData: boolean; effectiveType: string }): () => void {
  Object.defineProperty(navigator, 'connection', { value: connection, configurable: true });
  return () => void Reflect.deleteProperty(navigator, 'connection');
}

/**
 * Past the moment the element decides whether to fetch ahead: its wait for the page to be idle began when it was
 * connected, before this one, and what it fetches first (the capture steps' script, already on the page here) arrives
 * without a task in between, so its fetches of the face runtime are asked for before the next task.
 */
async function pastTheIntroPrefetch(): Promise<void> {
  await whenIdle();
  await nextTask();
}

const assetUrl = (assetsBase: string, file: string): string => new URL(assetsBase + file, location.href).href;

describe('<ekyc-flow> while the intro waits', function () {
  this.timeout(60_000);
  let requests: Requests;
  let restoreConnection: () => void = () => undefined;
  let folder: ReturnType<typeof faceAssetsFolder>;
  let element: EkycFlow | null = null;

  before(async () => {
    // The capture steps' script, as the element fetches it first: on the page already, its arrival takes no task.
    await import('../../src/flow/capture-chunk.js');
  });

  beforeEach(() => {
    folder = faceAssetsFolder();
    requests = watchRequests();
  });

  afterEach(async () => {
    // Gone from the page, it stops what it fetches.
    element?.remove();
    element = null;
    requests.stop();
    restoreConnection();
    restoreConnection = () => undefined;
    await folder.release();
  });

  async function mount(attributes: Partial<FlowAttributes> = {}): Promise<EkycFlow> {
    const { emulator, apiBase } = await useEmulator();
    const attributesOf = { apiBase, sessionId: emulator.createSession(), documentType: 'passport', manualCapture: true, assetsBase: folder.assetsBase };
    element = await mountFlow({ ...attributesOf, ...attributes });
    return element;
  }

  const runtimeFetches = () => requests.fetches.filter(({ url }) => url.startsWith(new URL(folder.assetsBase, location.href).href));

  it('fetches the face runtime once the page is idle, at low priority, while the intro stays', async () => {
    const flow = await mount();
    await pastTheIntroPrefetch();
    expect(flow.step).to.equal('intro');
    expect(runtimeFetches().map(({ url }) => url)).to.include(assetUrl(folder.assetsBase, FACE_ASSET_FILES.wasmBinary));
    expect(runtimeFetches().every(({ priority }) => priority === 'low')).to.equal(true);
    // The model is held back: the wasm's loader comes after it, and nothing else is asked for.
    await folder.release();
    await waitUntil(() => runtimeFetches().length === 3, 'the model, then the loader', { timeout: 20_000 });
    expect(runtimeFetches().map(({ url }) => url).sort()).to.deep.equal(
      [FACE_ASSET_FILES.model, FACE_ASSET_FILES.wasmBinary, FACE_ASSET_FILES.wasmLoader].map((file) => assetUrl(folder.assetsBase, file)).sort(),
    );
  });

  for (const [name, connection] of [
    ['Save-Data is on', { saveData: true, effectiveType: '4g' }],
    ['the link is 2G', { saveData: false, effectiveType: '2g' }],
  ] as const) {
    it(`fetches nothing before start() when ${name}`, async () => {
      restoreConnection = pretendConnection(connection);
      const flow = await mount();
      await pastTheIntroPrefetch();
      expect(flow.step).to.equal('intro');
      expect(requests.fetches).to.deep.equal([]);
      expect(requests.received).to.deep.equal([]);
    });
  }

  it('fetches nothing before start() with prefetch="none"', async () => {
    const flow = await mount({ prefetch: 'none' });
    await pastTheIntroPrefetch();
    expect(flow.prefetch).to.equal('none');
    expect(flow.step).to.equal('intro');
    expect(requests.fetches).to.deep.equal([]);
    expect(requests.received).to.deep.equal([]);
  });

  it('fetches no face runtime for a flow without a selfie', async () => {
    const flow = await mount({ flow: 'ocr-only' });
    await pastTheIntroPrefetch();
    expect(flow.step).to.equal('intro');
    expect(runtimeFetches()).to.deep.equal([]);
  });
});
