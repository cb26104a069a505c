// Mounts the element from the one-tag bundle as `npm run build` wrote it (served as is under /dist/).
import type { EkycFlow } from '../../src/index.js';

const BUNDLE_URL = '/dist/ekyc-flow.bundle.js';

/** Loads the bundle as integrators do, with one `<script type="module">` (the dev server never sees an import of it). */
function loadBundle(): Promise<void> {
  if (customElements.get('ekyc-flow')) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.type = 'module';
    script.src = BUNDLE_URL;
    script.addEventListener('load', () => {
      resolve();
    });
    script.addEventListener('error', () => {
      reject(new Error(`${BUNDLE_URL} did not load.`));
    });
    document.head.append(script);
  });
}

export interface MountOptions {
  apiBase: string;
  sessionId: string;
  documentType?: EkycFlow['documentType'];
}

export async function mountFlow(options: MountOptions): Promise<EkycFlow> {
  await loadBundle();
  const flow = document.createElement('ekyc-flow');
  flow.apiBase = options.apiBase;
  flow.sessionId = options.sessionId;
  flow.documentType = options.documentType ?? 'idr';
  flow.lang = 'en';
  document.body.append(flow);
  await flow.updateComplete;
  return flow;
}

/** The element's part `name`, once `ready` holds for it (checked on every change of the shadow tree). */
export function whenPart<T extends HTMLElement>(flow: EkycFlow, name: string, ready: (part: T) => boolean = () => true, timeoutMs = 60_000): Promise<T> {
  const root = flow.shadowRoot;
  if (!root) return Promise.reject(new Error('The element has no shadow root.'));
  const find = (): T | null => {
    const part = root.querySelector<T>(`[part~="${name}"]`);
    return part && ready(part) ? part : null;
  };
  return new Promise((resolve, reject) => {
    const found = find();
    if (found) {
      resolve(found);
      return;
    }
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`No ${name} within ${timeoutMs} ms (step ${flow.step}).`));
    }, timeoutMs);
    const observer = new MutationObserver(() => {
      const part = find();
      if (!part) return;
      clearTimeout(timer);
      observer.disconnect();
      resolve(part);
    });
    observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
  });
}

export const enabled = (button: HTMLButtonElement): boolean => !button.disabled;

/** When the preview presents its first frame: watched for as soon as the video is rendered, so that none is presented unseen. */
export function firstFrameOf(flow: EkycFlow): Promise<number> {
  const root = flow.shadowRoot;
  if (!root) return Promise.reject(new Error('The element has no shadow root.'));
  return new Promise<number>((resolve) => {
    const observer = new MutationObserver(() => {
      const video = root.querySelector('video');
      if (!video) return;
      observer.disconnect();
      video.requestVideoFrameCallback((now) => resolve(now));
    });
    observer.observe(root, { subtree: true, childList: true });
  });
}
