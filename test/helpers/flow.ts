import { fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../../src/index.js';
import type { EkycEventMap, EkycEventName, EkycFlow, Step } from '../../src/index.js';

export const EVENT_NAMES: EkycEventName[] = [
  'ekyc-start',
  'ekyc-step',
  'ekyc-capture',
  'ekyc-ocr',
  'ekyc-face',
  'ekyc-complete',
  'ekyc-error',
  'ekyc-cancel',
];

export interface Recorded {
  name: EkycEventName;
  detail: EkycEventMap[EkycEventName];
}

/** Every ekyc-* event the element fires, in order, seen from the document (they bubble and are composed). */
export function recordEvents(target: EventTarget = document): Recorded[] {
  const seen: Recorded[] = [];
  for (const name of EVENT_NAMES) {
    target.addEventListener(name, (event) => {
      seen.push({ name, detail: (event as CustomEvent<EkycEventMap[EkycEventName]>).detail });
    });
  }
  return seen;
}

export interface FlowAttributes {
  apiBase: string;
  sessionId?: string;
  apiKey?: string;
  documentType?: string;
  flow?: string;
  lang?: string;
  allowUpload?: boolean;
  autostart?: boolean;
  /** Default: the element's own 30 s (a test of time limits sets its own). */
  requestTimeout?: number;
  manualCapture?: boolean;
  livenessChallenge?: string;
  /** Default: the assets `npm install` builds into public/ekyc-assets/. */
  assetsBase?: string;
  /** Default: the element's own (`auto`). */
  prefetch?: string;
}

export async function mountFlow(attributes: FlowAttributes): Promise<EkycFlow> {
  const element = await fixture<EkycFlow>(html`<ekyc-flow
    api-base=${attributes.apiBase}
    session-id=${attributes.sessionId ?? ''}
    api-key=${attributes.apiKey ?? ''}
    document-type=${attributes.documentType ?? 'idr'}
    flow=${attributes.flow ?? 'full'}
    lang=${attributes.lang ?? 'en'}
    ?allow-upload=${attributes.allowUpload ?? false}
    ?autostart=${attributes.autostart ?? false}
    request-timeout=${attributes.requestTimeout ?? 30_000}
    ?manual-capture=${attributes.manualCapture ?? false}
    liveness-challenge=${attributes.livenessChallenge ?? 'none'}
    assets-base=${attributes.assetsBase ?? '/public/ekyc-assets/'}
    prefetch=${attributes.prefetch ?? 'auto'}
  ></ekyc-flow>`);
  return element;
}

export function part(element: EkycFlow, name: string): HTMLElement | null {
  return element.shadowRoot?.querySelector<HTMLElement>(`[part~="${name}"]`) ?? null;
}

export async function waitForStep(element: EkycFlow, step: Step, timeout = 30_000): Promise<void> {
  await waitUntil(() => element.step === step, `step ${step} (now ${element.step})`, { timeout });
}

/** Clicks a part once it exists and is enabled. */
export async function click(element: EkycFlow, name: string): Promise<void> {
  await waitUntil(() => {
    const button = part(element, name);
    return button instanceof HTMLButtonElement && !button.disabled;
  }, `${name} enabled`, { timeout: 10_000 });
  part(element, name)?.click();
}

/** Takes a photo with the camera and confirms it. */
export async function shootAndConfirm(element: EkycFlow): Promise<void> {
  await click(element, 'capture-button');
  await click(element, 'confirm-button');
}

export function names(events: Recorded[]): string[] {
  return events.map((event) => event.name);
}

export function stepsOf(events: Recorded[]): string[] {
  return events.flatMap((event) => (event.name === 'ekyc-step' ? [(event.detail as EkycEventMap['ekyc-step']).step] : []));
}

export function eventsNamed<K extends EkycEventName>(events: Recorded[], name: K): EkycEventMap[K][] {
  return events.filter((event) => event.name === name).map((event) => event.detail as EkycEventMap[K]);
}

/**
 * The `ekyc-error` events, but the warning that a front shows no portrait (`not-a-front`). The engines' own
 * synthetic cameras film a pattern, no card and no face: that warning comes or not depending on whether the face
 * detector is ready before the test confirms the photo. test/flow/selfie.empty-room.camera.test.ts covers it.
 */
export function flowErrors(events: Recorded[]): EkycEventMap['ekyc-error'][] {
  return eventsNamed(events, 'ekyc-error').filter((error) => error.code !== 'not-a-front');
}

/** `names(events)` without the warning {@link flowErrors} leaves out. */
export function flowNames(events: Recorded[]): string[] {
  return events
    .filter((event) => event.name !== 'ekyc-error' || (event.detail as EkycEventMap['ekyc-error']).code !== 'not-a-front')
    .map((event) => event.name);
}

/** Keeps every stream `getUserMedia` hands out, so a test can check that all its tracks ended. */
export function trackStreams(): { streams: MediaStream[]; restore(): void } {
  const mediaDevices = navigator.mediaDevices;
  const original = mediaDevices.getUserMedia.bind(mediaDevices);
  const streams: MediaStream[] = [];
  mediaDevices.getUserMedia = async (constraints) => {
    const stream = await original(constraints);
    streams.push(stream);
    return stream;
  };
  return { streams, restore: () => { mediaDevices.getUserMedia = original; } };
}

export const liveTracks = (streams: MediaStream[]): MediaStreamTrack[] =>
  streams.flatMap((stream) => stream.getTracks()).filter((track) => track.readyState === 'live');
