import { expect } from '@open-wc/testing';
import { FACE_ASSET_FILES } from '../../src/face/detector/assets.js';
import { FaceDetectorError } from '../../src/face/detector/errors.js';
import type { FaceDetectorHandle } from '../../src/face/detector/handle.js';
import { loadFaceDetector } from '../../src/face/detector/load-detector.js';
import { preloadFaceDetector, releaseFaceDetector, replaceFaceDetector } from '../../src/face/detector/preload.js';
import type { Face } from '../../src/face/types.js';
import { bitmapOf } from './images.js';
import { workersHaveWebgl } from '../helpers/webgl.js';

const assetsBase = '/public/ekyc-assets/';

function expectInside(face: Face): void {
  const { rightEye, leftEye, noseTip, mouth, rightEar, leftEar } = face.keypoints;
  for (const point of [rightEye, leftEye, noseTip, mouth, rightEar, leftEar]) {
    expect(point.x).to.be.within(face.box.x - 0.05, face.box.x + face.box.width + 0.05);
    expect(point.y).to.be.within(face.box.y - 0.05, face.box.y + face.box.height + 0.05);
  }
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

/** Keeps every WebGL context the page's canvases hand out until `restore()`. */
function recordWebglContexts(into: (WebGLRenderingContext | WebGL2RenderingContext)[]): () => void {
  const prototypes = [HTMLCanvasElement.prototype, ...(typeof OffscreenCanvas === 'undefined' ? [] : [OffscreenCanvas.prototype])];
  const originals = prototypes.map((prototype) => Object.getOwnPropertyDescriptor(prototype, 'getContext')?.value as unknown);
  prototypes.forEach((prototype, index) => {
    const original = originals[index] as (this: unknown, ...args: unknown[]) => unknown;
    (prototype as { getContext: unknown }).getContext = function (this: unknown, ...args: unknown[]) {
      const context = original.apply(this, args);
      if (context instanceof WebGLRenderingContext || (typeof WebGL2RenderingContext !== 'undefined' && context instanceof WebGL2RenderingContext)) {
        if (!into.includes(context)) into.push(context);
      }
      return context;
    };
  });
  return () => prototypes.forEach((prototype, index) => {
    (prototype as { getContext: unknown }).getContext = originals[index];
  });
}

describe('the face detector in a module worker (on the page where workers have no WebGL)', function () {
  this.timeout(60_000);
  let detector: FaceDetectorHandle;
  let inWorker: boolean;

  before(async () => {
    inWorker = await workersHaveWebgl();
    detector = await loadFaceDetector({ assetsBase, thread: inWorker ? 'worker' : 'auto' });
  });
  after(() => detector.close());

  it('runs in the worker wherever a worker has WebGL, else on the page', () => {
    expect(detector.thread).to.equal(inWorker ? 'worker' : 'main');
  });

  it('finds exactly one face, with its keypoints on it, in a photo of one person', async () => {
    const faces = await detector.detect(await bitmapOf('/test/fixtures/faces/person-a.jpg'));
    expect(faces).to.have.length(1);
    expect(faces[0]!.score).to.be.greaterThan(0.8);
    expectInside(faces[0]!);
  });

  it('finds both faces in a photo of two people', async () => {
    const faces = await detector.detect(await bitmapOf('/test/fixtures/faces/two-people.jpg'));
    expect(faces).to.have.length(2);
    const [left, right] = [...faces].sort((a, b) => a.box.x - b.box.x);
    expect(left!.box.x + left!.box.width).to.be.lessThan(right!.box.x);
  });

  it('finds no face in an empty room', async () => {
    expect(await detector.detect(await bitmapOf('/test/fixtures/camera/empty-room.jpg'))).to.deep.equal([]);
  });

  it('leaves the caller’s bitmap usable', async () => {
    const bitmap = await bitmapOf('/test/fixtures/faces/person-b.jpg');
    await detector.detect(bitmap);
    expect(bitmap.width).to.equal(480);
    expect(await detector.detect(bitmap)).to.have.length(1);
  });

  it('accepts timestamps that go backwards', async () => {
    const bitmap = await bitmapOf('/test/fixtures/faces/person-a.jpg');
    await detector.detect(bitmap, 10_000);
    expect(await detector.detect(bitmap, 5)).to.have.length(1);
  });

  it('gives no faces for a video that has no frame yet', async () => {
    expect(await detector.detect(document.createElement('video'))).to.deep.equal([]);
  });
});

describe('the face detector on the main thread', function () {
  this.timeout(60_000);
  const resources: string[] = [];
  const fetched: string[] = [];
  const observer = new PerformanceObserver((list) => resources.push(...list.getEntries().map((entry) => entry.name)));
  const nativeFetch = window.fetch.bind(window);
  let detector: FaceDetectorHandle;

  before(async () => {
    observer.observe({ type: 'resource', buffered: true });
    window.fetch = (input, init) => {
      fetched.push(new URL(input instanceof Request ? input.url : input, location.href).href);
      return nativeFetch(input, init);
    };
    detector = await loadFaceDetector({ assetsBase, thread: 'main' });
  });
  after(() => {
    observer.disconnect();
    window.fetch = nativeFetch;
  });

  it('finds the face too', async () => {
    expect(detector.thread).to.equal('main');
    expect(await detector.detect(await bitmapOf('/test/fixtures/faces/person-a.jpg'))).to.have.length(1);
  });

  it('loads the model, the wasm and its loader from assets-base, and nothing from another origin', () => {
    const fromAssets = Object.values(FACE_ASSET_FILES).map((file) => new URL(assetsBase + file, location.href).href);
    expect(resources).to.include.members(fromAssets);
    expect(resources.filter((url) => new URL(url).origin !== location.origin)).to.deep.equal([]);
  });

  it('gives its WebGL context back when closed', async () => {
    const contexts: (WebGLRenderingContext | WebGL2RenderingContext)[] = [];
    const restore = recordWebglContexts(contexts);
    let own: FaceDetectorHandle;
    try {
      own = await loadFaceDetector({ assetsBase, thread: 'main' });
    } finally {
      restore();
    }
    expect(await own.detect(await bitmapOf('/test/fixtures/faces/person-a.jpg'))).to.have.length(1);
    expect(contexts.some((context) => !context.isContextLost()), 'a live context while detecting').to.equal(true);
    own.close();
    expect(contexts.filter((context) => !context.isContextLost())).to.deep.equal([]);
  });

  it('refuses to detect once closed', async () => {
    detector.close();
    const error = await rejection(detector.detect(await bitmapOf('/test/fixtures/faces/person-a.jpg')));
    expect(error).to.be.instanceOf(FaceDetectorError);
    expect((error as FaceDetectorError).failure).to.equal('closed');
  });

  it('sent nothing to another origin, usage statistics included, up to and after closing', () => {
    expect(fetched).to.not.be.empty;
    expect(fetched.filter((url) => new URL(url).origin !== location.origin)).to.deep.equal([]);
  });
});

describe('loading the face detector', function () {
  this.timeout(60_000);

  it('rejects with an assets failure, without retrying on the main thread, when assets-base lacks the files', async () => {
    const error = await rejection(loadFaceDetector({ assetsBase: '/no-such-folder/' }));
    expect(error).to.be.instanceOf(FaceDetectorError);
    expect((error as FaceDetectorError).failure).to.equal('assets');
  });

  it('falls back to the main thread where no worker can be started', async () => {
    const NativeWorker = globalThis.Worker;
    globalThis.Worker = function refusedWorker() {
      throw new DOMException('refused', 'SecurityError');
    } as unknown as typeof Worker;
    try {
      const detector = await loadFaceDetector({ assetsBase });
      expect(detector.thread).to.equal('main');
      detector.close();
    } finally {
      globalThis.Worker = NativeWorker;
    }
  });

  it('keeps a detector released with a grace period for whoever preloads it within that time, and closes it after', async () => {
    const first = preloadFaceDetector({ assetsBase });
    const detector = await first;
    releaseFaceDetector({ assetsBase }, { graceMs: 300 });
    expect(preloadFaceDetector({ assetsBase })).to.equal(first);
    expect(await detector.detect(await bitmapOf('/test/fixtures/faces/person-a.jpg'))).to.have.length(1);
    releaseFaceDetector({ assetsBase }, { graceMs: 300 });
    await new Promise((resolve) => setTimeout(resolve, 600));
    const error = await rejection(detector.detect(await bitmapOf('/test/fixtures/faces/person-a.jpg')));
    expect((error as FaceDetectorError).failure).to.equal('closed');
  });

  it('preloads once for the same assets, keeps the detector while one holder is left, and loads again after the last release', async () => {
    const first = preloadFaceDetector({ assetsBase });
    expect(preloadFaceDetector({ assetsBase: '/public/ekyc-assets' })).to.equal(first);
    const detector = await first;
    const face = await bitmapOf('/test/fixtures/faces/person-a.jpg');
    releaseFaceDetector({ assetsBase });
    expect(await detector.detect(face)).to.have.length(1);
    releaseFaceDetector({ assetsBase });
    const error = await rejection(detector.detect(face));
    expect((error as FaceDetectorError).failure).to.equal('closed');
    const second = preloadFaceDetector({ assetsBase });
    expect(second).to.not.equal(first);
    releaseFaceDetector({ assetsBase });
  });

  it('replaces a shared detector that died with one new load for all its holders', async () => {
    const first = preloadFaceDetector({ assetsBase });
    preloadFaceDetector({ assetsBase });
    const dead = await first;
    const replaced = replaceFaceDetector({ assetsBase }, dead);
    expect(replaceFaceDetector({ assetsBase }, dead)).to.equal(replaced);
    const detector = await replaced;
    expect(detector).to.not.equal(dead);
    expect(await detector.detect(await bitmapOf('/test/fixtures/faces/person-a.jpg'))).to.have.length(1);
    releaseFaceDetector({ assetsBase });
    releaseFaceDetector({ assetsBase });
  });
});
