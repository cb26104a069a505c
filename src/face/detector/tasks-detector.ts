import type { FaceDetector } from '@mediapipe/tasks-vision';
import type { FaceAssetUrls } from './assets.js';
import { FaceDetectorError, asFaceDetectorError } from './errors.js';
import { sourceSize } from '../../platform/source-size.js';
import { toFace } from './to-face.js';
import { silenceUsageLogging } from './usage-logging.js';
import { loseWebglContext, webglCanvas } from './webgl-canvas.js';
import type { Face, FaceFrame } from '../types.js';

/** A MediaPipe face detector running in the current thread (window or worker). */
export interface LocalFaceDetector {
  /** Detects faces; blocks the thread for the length of one inference. */
  detect(frame: FaceFrame, timestampMs: number): Face[];
  close(): void;
}

/** Detections below this score are dropped (MediaPipe's own default). */
export const MIN_FACE_SCORE = 0.5;

interface WasmLoaderModule {
  default?: unknown;
}

/**
 * Imports MediaPipe's ES-module wasm loader and leaves its factory where the tasks runtime looks
 * for it. Importing it ourselves (instead of letting the runtime inject a `<script>`) works under
 * Trusted Types and in module workers alike.
 */
async function installWasmFactory(loaderUrl: string): Promise<void> {
  const loader = (await import(/* @vite-ignore */ loaderUrl)) as WasmLoaderModule;
  if (typeof loader.default !== 'function') throw new Error(`${loaderUrl} is not a MediaPipe wasm loader`);
  const factory = loader.default as (module?: object) => unknown;
  // The runtime clears the global after each use, so it is set again for every detector. The module's standard
  // output and error (its INFO and GL lines, "INFO: Created TensorFlow Lite XNNPACK delegate" through console.error)
  // are dropped: the element prints no error it did not mean. A real failure still rejects or throws, and becomes a
  // FaceDetectorError.
  (globalThis as { ModuleFactory?: unknown }).ModuleFactory = (module: object = {}) =>
    factory(Object.assign(module, { print: quiet, printErr: quiet }));
}

const quiet = (): void => undefined;

async function fetchModel(url: string): Promise<Uint8Array> {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * Loads MediaPipe tasks-vision lazily and creates a `FaceDetector` in VIDEO mode on the CPU
 * delegate (frames still reach it through WebGL), from self-hosted files only, with its usage
 * statistics to Google turned off.
 * Throws a {@link FaceDetectorError}.
 */
export async function createLocalFaceDetector(urls: FaceAssetUrls): Promise<LocalFaceDetector> {
  // Checked first: without WebGL MediaPipe would start, then fail on the first frame.
  const canvas = webglCanvas();
  if (!canvas) throw new FaceDetectorError('runtime', 'face detector unavailable: no WebGL on this thread');
  const [model, vision] = await Promise.all([
    fetchModel(urls.model),
    import('@mediapipe/tasks-vision'),
    installWasmFactory(urls.wasmLoader),
  ]).catch((error: unknown) => {
    throw asFaceDetectorError(error, 'assets');
  });
  let detector: FaceDetector;
  try {
    detector = await vision.FaceDetector.createFromOptions(
      // An empty loader path tells the runtime the factory is already installed.
      { wasmLoaderPath: '', wasmBinaryPath: urls.wasmBinary },
      {
        baseOptions: { modelAssetBuffer: model, delegate: 'CPU' },
        canvas,
        runningMode: 'VIDEO',
        minDetectionConfidence: MIN_FACE_SCORE,
      },
    );
  } catch (error) {
    throw asFaceDetectorError(error, 'runtime');
  }
  silenceUsageLogging(detector);
  let lastTimestamp = -Infinity;
  let closed = false;
  return {
    detect(frame, timestampMs) {
      if (closed) throw new FaceDetectorError('closed', 'the face detector is closed');
      // VIDEO mode rejects timestamps that do not increase.
      lastTimestamp = Math.max(timestampMs, lastTimestamp + 1);
      const size = sourceSize(frame);
      if (size.width === 0 || size.height === 0) return [];
      const result = detector.detectForVideo(frame, lastTimestamp);
      return result.detections.flatMap((detection) => toFace(detection, size) ?? []);
    },
    close() {
      if (closed) return;
      closed = true;
      detector.close();
      loseWebglContext(canvas);
    },
  };
}
