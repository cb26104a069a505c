// A "computer" (the test's own page) and "phones" (frames with their own fake camera) around the servers
// of scripts/handoff-stack.ts.
import { fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { generate } from 'lean-qr/nano';
import { waitUntil } from '../helpers/wait.js';
import '../../src/index.js';
import type { EkycErrorDetail, EkycFlow, Step } from '../../src/index.js';

export interface HandoffStack {
  /** One instance, sessions in memory. */
  single: string;
  /** Two instances on one Redis. */
  pair: [string, string];
  /** One instance whose tokens expire after a few seconds. */
  shortLived: string;
}

export const stack = (): Promise<HandoffStack> => executeServerCommand<HandoffStack, undefined>('handoff-stack');

const LOGIN = { authorization: 'Bearer token-a' };

/** What the integrator's server does for its signed-in user: a session from `POST /session`. */
export async function newSession(apiBase: string): Promise<string> {
  const response = await fetch(`${apiBase}/session`, { method: 'POST', headers: LOGIN });
  if (!response.ok) throw new Error(`POST /session: ${response.status} ${await response.text()}`);
  const { sessionId } = (await response.json()) as { sessionId: string };
  return sessionId;
}

/** The link template the computer hands out: this test server's phone page, told which server to call. */
export const phoneUrlTemplate = (apiBase: string): string =>
  `${location.origin}/test/handoff/phone.html?api=${encodeURIComponent(apiBase)}#{token}`;

export async function mountComputer(apiBase: string, sessionId: string): Promise<EkycFlow> {
  const element = await fixture<EkycFlow>(html`<ekyc-flow
    api-base=${apiBase}
    session-id=${sessionId}
    handoff-url=${phoneUrlTemplate(apiBase)}
    lang="en"
    assets-base="/public/ekyc-assets/"
  ></ekyc-flow>`);
  element.headers = LOGIN;
  return element;
}

export const part = (element: EkycFlow, name: string): HTMLElement | null =>
  element.shadowRoot?.querySelector<HTMLElement>(`[part~="${name}"]`) ?? null;

export const textOf = (element: EkycFlow, name: string): string => (part(element, name)?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Clicks a button part once it is there and enabled (buttons of a frame are of another realm: no `instanceof`). */
export async function press(element: EkycFlow, name: string, timeout = 20_000): Promise<void> {
  await waitUntil(() => {
    const button = part(element, name);
    return button?.tagName === 'BUTTON' && !(button as HTMLButtonElement).disabled;
  }, `${name} enabled`, { timeout });
  part(element, name)?.click();
}

export async function waitForStep(element: EkycFlow, step: Step, timeout = 45_000): Promise<void> {
  await waitUntil(() => element.step === step, `step ${step} (now ${element.step})`, { timeout });
}

/** The link the computer shows, once it shows one. */
export async function linkOf(computer: EkycFlow): Promise<string> {
  await waitUntil(() => part(computer, 'handoff-link')?.getAttribute('href'), 'the handoff link', { timeout: 20_000 });
  return part(computer, 'handoff-link')!.getAttribute('href')!;
}

/** Whether the computer's QR code, as drawn, is the code of `text` (module by module, inside a quiet zone of 4). */
export function qrShows(computer: EkycFlow, text: string): boolean {
  const canvas = part(computer, 'handoff-qr') as HTMLCanvasElement | null;
  if (!canvas || canvas.width === 0) return false;
  const code = generate(text);
  if (canvas.width !== code.size + 8) return false;
  const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
  for (let y = 0; y < code.size; y++) {
    for (let x = 0; x < code.size; x++) {
      const dark = pixels[((y + 4) * canvas.width + x + 4) * 4]! < 128;
      if (dark !== code.get(x, y)) return false;
    }
  }
  return true;
}

export interface Phone {
  frame: HTMLIFrameElement;
  element: EkycFlow;
  /** Cuts the phone's connection (`fetch` fails as offline) until `online()`. */
  offline(): void;
  online(): void;
  /** Every `ekyc-error` the phone's page heard, from its start. */
  errors(): EkycErrorDetail[];
}

/** Opens `url` in a frame as a phone would, with its own page and camera. */
export async function openPhone(url: string): Promise<Phone> {
  const frame = document.createElement('iframe');
  frame.allow = 'camera';
  frame.style.cssText = 'width: 420px; height: 760px';
  frame.src = url;
  document.body.append(frame);
  await waitUntil(() => frame.contentDocument?.querySelector('ekyc-flow')?.shadowRoot, 'the phone page', { timeout: 30_000 });
  const win = frame.contentWindow as (Window & typeof globalThis) | null;
  const element = frame.contentDocument!.querySelector('ekyc-flow') as EkycFlow;
  const realFetch = win!.fetch.bind(win);
  return {
    frame,
    element,
    offline: () => {
      win!.fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    },
    online: () => {
      win!.fetch = realFetch;
    },
    errors: () => (win as unknown as { ekycErrors: EkycErrorDetail[] }).ekycErrors,
  };
}

/** The phone takes and confirms its photo of the current step. */
export async function shoot(phone: EkycFlow): Promise<void> {
  await press(phone, 'capture-button');
  await press(phone, 'confirm-button');
}

/** From the phone's first capture step to its end. */
export async function throughFlow(phone: EkycFlow): Promise<void> {
  await waitForStep(phone, 'document-front');
  await shoot(phone);
  await waitForStep(phone, 'document-back');
  await shoot(phone);
  await waitForStep(phone, 'selfie');
  await shoot(phone);
  await waitForStep(phone, 'done');
}

/** Every `ekyc-*` event the computer fires, by name and detail. */
export function record(element: EventTarget): { name: string; detail: unknown }[] {
  const seen: { name: string; detail: unknown }[] = [];
  for (const name of ['ekyc-step', 'ekyc-complete', 'ekyc-cancel', 'ekyc-error'] as const) {
    element.addEventListener(name, (event) => seen.push({ name, detail: (event as CustomEvent).detail }));
  }
  return seen;
}
