import type { EkycFlow } from '../../src/index.js';
import { waitUntil } from './wait.js';

export interface SpawnedWorker {
  url: string;
  name: string | undefined;
  worker: Worker;
}

/** Records every worker the page starts (the element's own subclasses included, as they extend `window.Worker`). */
export function spyWorkers(): { spawned: SpawnedWorker[]; restore(): void } {
  const spawned: SpawnedWorker[] = [];
  const Original = window.Worker;
  window.Worker = class extends Original {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      spawned.push({ url: String(url), name: options?.name, worker: this });
    }
  };
  return {
    spawned,
    restore: () => {
      window.Worker = Original;
    },
  };
}

/** Face workers among the spawned ones. */
export const faceWorkers = (spawned: SpawnedWorker[]): SpawnedWorker[] => spawned.filter((entry) => entry.url.includes('face-worker'));

/** Document analysis workers among the spawned ones. */
export const analysisWorkers = (spawned: SpawnedWorker[]): SpawnedWorker[] =>
  spawned.filter((entry) => entry.name === 'ekyc-document-analysis');

/**
 * Every `Blob` reachable from the element's own fields (its state, its controllers and what they hold),
 * without going into the DOM.
 */
export function reachableBlobs(element: EkycFlow): Blob[] {
  const found: Blob[] = [];
  const seen = new Set<unknown>();
  const visit = (value: unknown, depth: number): void => {
    if (value === null || typeof value !== 'object' || seen.has(value) || depth > 12) return;
    seen.add(value);
    if (value instanceof Blob) {
      found.push(value);
      return;
    }
    if (value !== element && (value instanceof Node || value instanceof Window || value instanceof MediaStream)) return;
    if (value instanceof Map) {
      for (const [key, item] of value) {
        visit(key, depth + 1);
        visit(item, depth + 1);
      }
      return;
    }
    if (value instanceof Set) {
      for (const item of value) visit(item, depth + 1);
      return;
    }
    for (const key of Reflect.ownKeys(value)) {
      const descriptor = Object.getOwnPropertyDescriptor(value, key);
      if (descriptor && 'value' in descriptor) visit(descriptor.value, depth + 1);
    }
  };
  visit(element, 0);
  return found;
}

/** Replaces a method of a prototype until `restore()` (which may be called more than once). */
export function replaceMethod<T extends object, K extends keyof T>(target: T, name: K, replacement: T[K]): { restore(): void } {
  const original = Object.getOwnPropertyDescriptor(target, name);
  Object.defineProperty(target, name, { value: replacement, configurable: true, writable: true });
  return {
    restore: () => {
      if (original) Object.defineProperty(target, name, original);
    },
  };
}

/** Frames the element's guidance has analysed so far (every step counted). */
export function analysedFrames(element: EkycFlow): number {
  return element['capture'].controller?.guidance.frames ?? 0;
}

/**
 * Waits until the guidance has analysed `count` more frames: what "nothing happened" means, measured in
 * frames the checks saw rather than in time, so that a loop that stalls fails the wait.
 */
export async function waitForFrames(element: EkycFlow, count: number, timeout = 40_000): Promise<void> {
  const target = analysedFrames(element) + count;
  await waitUntil(() => analysedFrames(element) >= target, `${count} more analysed frames (${analysedFrames(element)} of ${target})`, {
    timeout,
  });
}
