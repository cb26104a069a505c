import { patchedMediaApiSignal, toStringOf, webdriverSignal, type ToString } from './native-functions.js';
import type { IntegritySignal } from './types.js';

/**
 * `Function.prototype.toString` of a fresh, empty frame's realm: a script of this page that replaced
 * this realm's own cannot have touched it. This realm's when no frame can be made.
 */
function pristineToString(): ToString {
  const own = toStringOf(Function.prototype);
  if (typeof document === 'undefined') return own;
  const frame = document.createElement('iframe');
  frame.hidden = true;
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  try {
    document.body.append(frame);
    const realm = frame.contentWindow as (Window & { Function: FunctionConstructor }) | null;
    return realm ? toStringOf(realm.Function.prototype) : own;
  } catch {
    return own;
  } finally {
    frame.remove();
  }
}

/** The page's signals: its camera functions replaced, automation. Measured once a run (a frame is made and removed). */
export function pageSignals(): IntegritySignal[] {
  const media = typeof navigator === 'undefined' ? undefined : navigator.mediaDevices;
  const surface = {
    mediaDevices: media,
    prototypes: {
      mediaDevices: typeof MediaDevices === 'function' ? MediaDevices.prototype : undefined,
      track: typeof MediaStreamTrack === 'function' ? MediaStreamTrack.prototype : undefined,
      fn: Function.prototype,
    },
  };
  return [patchedMediaApiSignal(surface, pristineToString()), webdriverSignal(typeof navigator === 'undefined' ? undefined : navigator.webdriver)];
}
