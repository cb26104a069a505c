import type { IntegritySignal } from './types.js';

/** The functions that give the page its camera, and what reads a track: where an injection script hooks in. */
export interface MediaSurface {
  mediaDevices: object | undefined;
  /** `MediaDevices.prototype`, `MediaStreamTrack.prototype`, `Function.prototype`. */
  prototypes: { mediaDevices?: object | undefined; track?: object | undefined; fn: object };
}

export type ToString = (this: unknown) => string;

/** `Function.prototype.toString` of the realm whose `Function.prototype` is given. */
export const toStringOf = (functionPrototype: object): ToString =>
  Object.getOwnPropertyDescriptor(functionPrototype, 'toString')?.value as ToString;

const WATCHED: readonly { where: 'mediaDevices' | 'track' | 'fn'; name: string }[] = [
  { where: 'mediaDevices', name: 'getUserMedia' },
  { where: 'mediaDevices', name: 'enumerateDevices' },
  { where: 'track', name: 'getSettings' },
  { where: 'track', name: 'getCapabilities' },
  { where: 'fn', name: 'toString' },
];

/**
 * A function the engine itself provides: its source reads `function name() { [native code] }`, with
 * its own name (a `Proxy` or a bound function of a native one prints no name in Chromium).
 */
export function isNative(fn: unknown, name: string, toString: ToString): boolean {
  if (typeof fn !== 'function') return false;
  try {
    return new RegExp(`^function ${name}\\(\\)\\s*\\{\\s*\\[native code\\]\\s*\\}$`).test(toString.call(fn));
  } catch {
    return false;
  }
}

/**
 * `getUserMedia`, `enumerateDevices`, the track's `getSettings`/`getCapabilities` and
 * `Function.prototype.toString` itself: replaced by script, or shadowed on `navigator.mediaDevices`.
 * `toString` should come from another realm (a fresh iframe's), which a script on this page has not
 * replaced, so that a replaced `toString` cannot vouch for the others.
 */
export function patchedMediaApiSignal(surface: MediaSurface, toString: ToString): IntegritySignal {
  const replaced: string[] = [];
  const { mediaDevices, prototypes } = surface;
  for (const { where, name } of WATCHED) {
    const holder = where === 'mediaDevices' ? prototypes.mediaDevices : where === 'track' ? prototypes.track : prototypes.fn;
    if (!holder) continue;
    const fn = Object.getOwnPropertyDescriptor(holder, name)?.value as unknown;
    if (fn !== undefined && !isNative(fn, name, toString)) replaced.push(name);
  }
  if (mediaDevices) {
    for (const name of ['getUserMedia', 'enumerateDevices']) {
      if (Object.prototype.hasOwnProperty.call(mediaDevices, name)) replaced.push(`mediaDevices.${name}`);
    }
  }
  return {
    name: 'patched-media-api',
    value: replaced.join(' '),
    why: 'A script that replaces getUserMedia (or what reads a track) can hand the element any video as the camera.',
    flagged: replaced.length > 0,
  };
}

/** `navigator.webdriver`: the browser is driven by automation (Selenium, Playwright, Puppeteer). */
export function webdriverSignal(webdriver: boolean | undefined): IntegritySignal {
  return {
    name: 'webdriver',
    value: webdriver === true,
    why: 'Automated browsers run scripted checks at scale, usually with a fake or injected camera.',
    flagged: webdriver === true,
  };
}
