import { expect } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import type { EkycFlow } from '../../src/index.js';
import { requestCalls, sentSizes, useEmulator } from '../helpers/emulator.js';
import { click, liveTracks, mountFlow, part, recordEvents, trackStreams, waitForStep } from '../helpers/flow.js';
import { confirmedSize, throughDocument, waitForErrorScreen } from '../helpers/journey.js';
import { countListeners, countObjectUrls } from '../helpers/spies.js';

const CYCLES = 50;

interface Resources {
  tracks: number;
  objectUrls: number;
  listeners: number;
  heapMb: number | null;
}

function heapMb(): number | null {
  const memory = (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory;
  return memory ? Math.round((memory.usedJSHeapSize / 1_048_576) * 10) / 10 : null;
}

/** Listeners on the element, anything in its shadow tree, the document and the window. */
const ownedBy =
  (element: EkycFlow) =>
  (target: EventTarget): boolean =>
    target === element ||
    target === document ||
    target === window ||
    (target instanceof Node && target !== element.shadowRoot && element.shadowRoot?.contains(target) === true) ||
    target === element.shadowRoot;

/**
 * Asks the fake camera for VGA frames instead of full HD: the same tracks opened and stopped,
 * a fraction of the pixels to encode and measure on every cycle.
 */
function smallCamera(): () => void {
  const mediaDevices = navigator.mediaDevices;
  const original = mediaDevices.getUserMedia.bind(mediaDevices);
  mediaDevices.getUserMedia = (constraints) => {
    const video = typeof constraints?.video === 'object' ? constraints.video : {};
    return original({ ...constraints, video: { ...video, width: { ideal: 640 }, height: { ideal: 480 } } });
  };
  return () => {
    mediaDevices.getUserMedia = original;
  };
}

const cameraReady = (element: EkycFlow): boolean => (part(element, 'capture-button') as HTMLButtonElement | null)?.disabled === false;

describe('<ekyc-flow> over many cycles in one page', function () {
  this.timeout(150_000);
  let tracking: ReturnType<typeof trackStreams>;
  let objectUrls: ReturnType<typeof countObjectUrls>;
  let listeners: ReturnType<typeof countListeners>;
  let restoreSize: () => void;
  beforeEach(() => {
    restoreSize = smallCamera();
    tracking = trackStreams();
    objectUrls = countObjectUrls();
    listeners = countListeners();
  });
  afterEach(() => {
    listeners.restore();
    objectUrls.restore();
    tracking.restore();
    restoreSize();
  });

  function measure(element: EkycFlow): Resources {
    return {
      tracks: liveTracks(tracking.streams).length,
      objectUrls: objectUrls.outstanding(),
      listeners: listeners.active(ownedBy(element)),
      heapMb: heapMb(),
    };
  }

  function report(label: string, before: Resources, after: Resources): void {
    const pairs = (Object.keys(before) as (keyof Resources)[]).map((key) => `${key} ${before[key]} → ${after[key]}`);
    console.log(`soak, ${label}: ${pairs.join(', ')} (object URLs created in all: ${objectUrls.created()})`);
  }

  it(`keeps one live track, no object URL and the same listeners after ${CYCLES} photos taken and retaken`, async () => {
    const { emulator, apiBase } = await useEmulator();
    const element = await mountFlow({ apiBase, sessionId: emulator.createSession(), manualCapture: true });
    await click(element, 'start-button');
    const retake = async (): Promise<void> => {
      await click(element, 'capture-button');
      await waitUntil(() => part(element, 'retake-button') !== null, 'the review', { timeout: 10_000 });
      await click(element, 'retake-button');
      await waitUntil(() => cameraReady(element), 'the camera back', { timeout: 10_000 });
    };
    await retake();
    const before = measure(element);
    for (let cycle = 0; cycle < CYCLES; cycle++) await retake();
    const after = measure(element);
    report(`${CYCLES} retakes`, before, after);
    expect(after.tracks).to.equal(1);
    expect(tracking.streams.length, 'a new stream each time the camera came back').to.be.at.least(CYCLES);
    expect(after.objectUrls).to.be.at.most(before.objectUrls);
    expect(after.listeners).to.be.at.most(before.listeners);
  });

  it(`keeps no track, no object URL and the same listeners after ${CYCLES} failed calls retried, and loses no photo`, async () => {
    const events = recordEvents();
    const { emulator, apiBase } = await useEmulator();
    emulator.inject('html', { endpoint: 'ocr', side: 'back', times: CYCLES + 1 });
    const element = await mountFlow({ apiBase, sessionId: emulator.createSession(), manualCapture: true });
    await throughDocument(element);
    await waitForErrorScreen(element);
    const before = measure(element);
    for (let cycle = 0; cycle < CYCLES; cycle++) {
      const sent = emulator.requests.length;
      await click(element, 'retry-button');
      await waitUntil(() => emulator.requests.length > sent && element.step === 'error', 'the next failure', { timeout: 10_000 });
      await waitForErrorScreen(element);
    }
    const after = measure(element);
    report(`${CYCLES} retries`, before, after);
    expect(after.tracks).to.equal(0);
    expect(after.objectUrls).to.be.at.most(before.objectUrls);
    expect(after.listeners).to.be.at.most(before.listeners);
    await click(element, 'retry-button');
    await waitForStep(element, 'selfie');
    expect(requestCalls(emulator.requests).filter((call) => call === 'back')).to.have.length(CYCLES + 2);
    expect(new Set(sentSizes(emulator.requests, 'back'))).to.deep.equal(new Set([confirmedSize(events, 'back')]));
  });
});
