// Capture-integrity signals in a real browser: the page's camera functions, a canvas's track, a still
// picture fed as a camera, a virtual camera's label, and each engine's own test camera, through the element.
import { expect } from '@open-wc/testing';
import type { EkycFlow, IntegrityReport, IntegritySignal } from '../../src/index.js';
import { pageSignals } from '../../src/integrity/page-signals.js';
import { syntheticTrackSignal } from '../../src/integrity/track-signals.js';
import { fakeDevices, LAPTOP, type FakeCamera } from '../camera/fake-devices.js';
import { replaceMethod, waitForFrames } from '../helpers/element.js';
import { useEmulator } from '../helpers/emulator.js';
import { click, eventsNamed, mountFlow, recordEvents, shootAndConfirm, waitForStep, type Recorded } from '../helpers/flow.js';

const named = (signals: readonly IntegritySignal[], name: string): IntegritySignal | undefined => signals.find((signal) => signal.name === name);
const patched = (): IntegritySignal | undefined => named(pageSignals(), 'patched-media-api');

/** A camera that films one still picture: a canvas drawn again and again with the same pixels. */
function stillPictureCamera(): { install(): () => void } {
  const canvas = document.createElement('canvas');
  canvas.width = 640;
  canvas.height = 480;
  const context = canvas.getContext('2d')!;
  const paint = (): void => {
    context.fillStyle = '#3a5f8a';
    context.fillRect(0, 0, 640, 480);
    context.fillStyle = '#f2efe6';
    context.fillRect(120, 110, 400, 260);
  };
  let timer: ReturnType<typeof setInterval> | undefined;
  return {
    install() {
      const media = navigator.mediaDevices;
      media.getUserMedia = () => {
        paint();
        timer ??= setInterval(paint, 66);
        return Promise.resolve(canvas.captureStream(15));
      };
      return () => {
        clearInterval(timer);
        Reflect.deleteProperty(media, 'getUserMedia');
      };
    },
  };
}

/** The first document photo's report, taken by hand once the guidance has measured `frames` frames. */
async function frontReport(events: Recorded[], frames = 45): Promise<{ element: EkycFlow; report: IntegrityReport }> {
  const { emulator, apiBase } = await useEmulator();
  const element = await mountFlow({ apiBase, sessionId: emulator.createSession(), manualCapture: true });
  await click(element, 'start-button');
  await waitForStep(element, 'document-front');
  await waitForFrames(element, frames);
  await shootAndConfirm(element);
  const capture = eventsNamed(events, 'ekyc-capture')[0];
  expect(capture, 'the front photo').to.exist;
  return { element, report: capture!.integrity };
}

describe('capture integrity in the browser', function () {
  this.timeout(60_000);
  let events: Recorded[];
  const undo: (() => void)[] = [];
  beforeEach(() => {
    events = recordEvents();
  });
  afterEach(() => {
    undo.splice(0).reverse().forEach((restore) => restore());
  });

  describe('patched-media-api', () => {
    it('keeps the browser’s own camera functions quiet', () => {
      expect(patched()).to.include({ flagged: false, value: '' });
    });

    it('flags getUserMedia replaced on navigator.mediaDevices', () => {
      const media = navigator.mediaDevices;
      media.getUserMedia = () => Promise.reject(new Error('never called'));
      undo.push(() => Reflect.deleteProperty(media, 'getUserMedia'));
      expect(patched()).to.include({ flagged: true, value: 'mediaDevices.getUserMedia' });
    });

    it('flags enumerateDevices replaced on the prototype, even with a toString that vouches for it', () => {
      const devices = replaceMethod(MediaDevices.prototype, 'enumerateDevices', function enumerateDevices() {
        return Promise.resolve([]);
      });
      const lying = replaceMethod(Function.prototype, 'toString', function toString(this: { name?: string }): string {
        return `function ${this.name ?? ''}() { [native code] }`;
      });
      undo.push(() => devices.restore(), () => lying.restore());
      expect(patched()).to.include({ flagged: true, value: 'enumerateDevices toString' });
    });
  });

  describe('synthetic-track', () => {
    it('flags a canvas’s captureStream track', () => {
      const canvas = document.createElement('canvas');
      canvas.getContext('2d');
      const stream = canvas.captureStream(1);
      const track = stream.getVideoTracks()[0]!;
      undo.push(() => track.stop());
      const signal = syntheticTrackSignal(track, stream);
      expect(signal.flagged).to.equal(true);
      expect(String(signal.value)).to.contain('canvas');
    });

    it('keeps the engine’s own camera track quiet', async () => {
      const stream = await navigator.mediaDevices.getUserMedia({ video: true });
      undo.push(() => stream.getTracks().forEach((track) => track.stop()));
      expect(syntheticTrackSignal(stream.getVideoTracks()[0]!)).to.include({ flagged: false });
    });
  });

  describe('through the element', () => {
    it('flags a still picture fed as the camera: frozen frames, a canvas track, a replaced getUserMedia', async () => {
      undo.push(stillPictureCamera().install());
      const { report } = await frontReport(events);
      expect(report.flagged).to.equal(true);
      const frozen = named(report.signals, 'frozen-frames');
      expect(frozen?.flagged, `frozen for ${String(frozen?.value)} ms`).to.equal(true);
      expect(named(report.signals, 'synthetic-track')?.flagged).to.equal(true);
      expect(named(report.signals, 'patched-media-api')?.value).to.equal('mediaDevices.getUserMedia');
    });

    it('keeps the engine’s own moving test camera’s frames quiet, and flags the camera for what it is', async () => {
      const { report } = await frontReport(events);
      const frozen = named(report.signals, 'frozen-frames');
      expect(frozen?.flagged, `frozen for ${String(frozen?.value)} ms`).to.equal(false);
      expect(named(report.signals, 'resolution-changed')?.flagged).to.equal(false);
      expect(named(report.signals, 'patched-media-api')?.flagged).to.equal(false);
      // Chromium's fake device names itself ("fake_device_0"), as a virtual camera that does is flagged.
      if (navigator.userAgent.includes('Chrome/')) expect(named(report.signals, 'virtual-camera')?.flagged).to.equal(true);
      expect(named(report.signals, 'webdriver')?.value).to.equal(navigator.webdriver);
      if (navigator.webdriver) expect(report.flagged, 'a browser driven by WebDriver').to.equal(true);
    });

    const labelled = async (cameras: FakeCamera[]): Promise<IntegritySignal | undefined> => {
      undo.push(fakeDevices(cameras).install());
      const { report } = await frontReport(events, 3);
      return named(report.signals, 'virtual-camera');
    };

    it('flags a camera labelled as a virtual camera', async () => {
      const signal = await labelled([{ deviceId: 'obs', label: 'OBS Virtual Camera', facingMode: 'environment', maxWidth: 1920 }]);
      expect(signal?.flagged).to.equal(true);
      expect(String(signal?.value)).to.contain('OBS Virtual Camera');
    });

    it('keeps a laptop’s webcam label quiet', async () => {
      const signal = await labelled(LAPTOP);
      expect(signal?.flagged).to.equal(false);
      expect(String(signal?.value)).to.contain('Integrated Camera');
    });

    it('flags the still picture at the selfie where the face detector has a worker, and lists every capture’s signals in ekyc-complete', async () => {
      undo.push(stillPictureCamera().install());
      const { element } = await frontReport(events, 3);
      await waitForStep(element, 'document-back');
      await shootAndConfirm(element);
      await waitForStep(element, 'selfie');
      // The page's own detector (WebKit's) measures no frame for the watch: it would read the pixels on the page.
      const detector = await element['capture'].controller?.guidance.detector();
      const watched = detector?.thread === 'worker';
      if (watched) await waitForFrames(element, 30);
      await shootAndConfirm(element);
      const selfie = eventsNamed(events, 'ekyc-capture').find((capture) => capture.side === 'selfie');
      const frozen = named(selfie?.integrity.signals ?? [], 'frozen-frames');
      if (watched) expect(frozen?.flagged, `frozen for ${String(frozen?.value)} ms`).to.equal(true);
      else expect(frozen).to.equal(undefined);
      await waitForStep(element, 'done');
      const complete = eventsNamed(events, 'ekyc-complete')[0]!;
      expect(complete.integrity.flagged).to.equal(true);
      expect([...new Set(complete.integrity.signals.map((signal) => signal.side))]).to.deep.equal(['front', 'back', 'selfie']);
      expect(complete.integrity.signals.filter((signal) => signal.name === 'synthetic-track').every((signal) => signal.flagged)).to.equal(true);
    });
  });
});
