import { waitUntil } from './wait.js';
import type { EkycFlow } from '../../src/index.js';

/** Makes every `getUserMedia` call fail with a `DOMException` named `name`, as a browser does. */
export function failCamera(name: string): { calls: () => number; restore(): void } {
  const mediaDevices = navigator.mediaDevices;
  const original = mediaDevices.getUserMedia.bind(mediaDevices);
  let calls = 0;
  mediaDevices.getUserMedia = () => {
    calls += 1;
    return Promise.reject(new DOMException(`camera: ${name}`, name));
  };
  return {
    calls: () => calls,
    restore: () => {
      mediaDevices.getUserMedia = original;
    },
  };
}

/** Lets a test hide and show the page: `document.visibilityState` and `hidden` follow, with a `visibilitychange` each time. */
export function fakeVisibility(): { set(state: DocumentVisibilityState): void; restore(): void } {
  let current: DocumentVisibilityState = 'visible';
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => current });
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => current === 'hidden' });
  return {
    set(state) {
      current = state;
      document.dispatchEvent(new Event('visibilitychange'));
    },
    restore() {
      Reflect.deleteProperty(document, 'visibilityState');
      Reflect.deleteProperty(document, 'hidden');
    },
  };
}

/** A real photo, as a file the user could pick. */
export async function photoFile(name = 'photo.jpg', path = '/test/fixtures/faces/person-a.jpg'): Promise<File> {
  const response = await fetch(path);
  return new File([await response.blob()], name, { type: 'image/jpeg' });
}

/** Picks `file` in the element's hidden file input, as the browser's file chooser would. */
export async function chooseFile(element: EkycFlow, file: File): Promise<void> {
  await waitUntil(() => element.shadowRoot?.querySelector('input[type=file]'), 'the file input', { timeout: 10_000 });
  const input = element.shadowRoot?.querySelector<HTMLInputElement>('input[type=file]');
  if (!input) throw new Error('no file input');
  const transfer = new DataTransfer();
  transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

export interface SentRequest {
  url: string;
  signal: AbortSignal | null;
  /** Settles when the request does (never rejects). */
  settled: Promise<void>;
}

/** Records every `fetch` to `base` with its signal, so a test can see requests being aborted. */
export function watchFetch(base: string): { requests: SentRequest[]; restore(): void } {
  const original = window.fetch.bind(window);
  const requests: SentRequest[] = [];
  window.fetch = (input, init) => {
    const promise = original(input, init);
    const url = input instanceof Request ? input.url : String(input);
    if (url.startsWith(base)) {
      requests.push({ url, signal: init?.signal ?? null, settled: promise.then(() => undefined, () => undefined) });
    }
    return promise;
  };
  return {
    requests,
    restore: () => {
      window.fetch = original;
    },
  };
}

/** Collects uncaught errors and unhandled rejections of the page. */
export function watchPageErrors(): { errors: string[]; restore(): void } {
  const errors: string[] = [];
  const onError = (event: ErrorEvent): void => {
    errors.push(String(event.error ?? event.message));
  };
  const onRejection = (event: PromiseRejectionEvent): void => {
    errors.push(String(event.reason));
  };
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    errors,
    restore: () => {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}

/** Lets queued tasks (and the microtasks they start) run. */
export const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
