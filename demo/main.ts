import { html, render } from 'lit';
import '../src/index.js';
import type { EkycFlow } from '../src/index.js';
import { EMULATOR_FAULTS, startBrowserEmulator, type EmulatorEndpoint, type EmulatorFault } from '../src/emulator/index.js';

const EVENTS = ['ekyc-start', 'ekyc-step', 'ekyc-capture', 'ekyc-ocr', 'ekyc-face', 'ekyc-complete', 'ekyc-error', 'ekyc-cancel'] as const;

type Mode = 'emulator-session' | 'emulator-key' | 'real';

interface Settings {
  mode: Mode;
  apiBase: string;
  sessionId: string;
  documentType: EkycFlow['documentType'];
  flow: EkycFlow['flow'];
  lang: string;
  autostart: boolean;
  manualCapture: boolean;
  allowUpload: boolean;
  livenessChallenge: EkycFlow['livenessChallenge'];
}

const { apiBase: emulatorBase, emulator } = await startBrowserEmulator({ latencyMs: 600 });
function element(selector: string): HTMLElement {
  const found = document.querySelector<HTMLElement>(selector);
  if (!found) throw new Error(`The demo page has no ${selector}.`);
  return found;
}
const note = element('#mode-note');
const stage = element('#stage');
const controls = element('#controls');
const log = element('#log');

const settings: Settings = {
  mode: 'emulator-session',
  apiBase: 'https://ekyc.fpt.ai',
  sessionId: '',
  documentType: 'idr',
  flow: 'full',
  lang: 'vi',
  autostart: false,
  manualCapture: false,
  allowUpload: true,
  livenessChallenge: 'none',
};
let faultEndpoint: EmulatorEndpoint | 'any' = 'any';

/** Describes a value for the log: Blobs by type and size, everything else as JSON. */
function describe(value: unknown): string {
  return JSON.stringify(
    value,
    (_key, item: unknown) => (item instanceof Blob ? `[${item.type} ${Math.round(item.size / 1024)} KB]` : item),
    2,
  );
}

function logEvent(name: string, detail: unknown): void {
  const item = document.createElement('li');
  const title = document.createElement('strong');
  title.textContent = `${new Date().toLocaleTimeString()} ${name}`;
  const body = document.createElement('pre');
  body.textContent = describe(detail);
  item.append(title, body);
  log.prepend(item);
}

/** Builds a fresh element from the settings, as an integrator's page would. */
function mount(): void {
  const flow: EkycFlow = document.createElement('ekyc-flow');
  if (settings.mode === 'real') {
    flow.apiBase = settings.apiBase;
    flow.sessionId = settings.sessionId;
  } else if (settings.mode === 'emulator-key') {
    flow.apiBase = emulatorBase;
    flow.apiKey = 'demo-key';
  } else {
    flow.apiBase = emulatorBase;
    // What an integrator's server does: POST /session/init with its key, then hand the page the session id.
    flow.sessionId = emulator.createSession({ onlyEngine: settings.flow === 'ocr-only' });
  }
  flow.documentType = settings.documentType;
  flow.flow = settings.flow;
  flow.lang = settings.lang;
  flow.autostart = settings.autostart;
  flow.manualCapture = settings.manualCapture;
  flow.allowUpload = settings.allowUpload;
  flow.livenessChallenge = settings.livenessChallenge;
  flow.assetsBase = new URL('./ekyc-assets/', document.baseURI).href;
  for (const name of EVENTS) {
    flow.addEventListener(name, (event) => {
      logEvent(name, (event as CustomEvent).detail);
      draw();
      if (name === 'ekyc-error' && (event as CustomEvent<{ code: string }>).detail.code === 'session-expired' && settings.mode === 'emulator-session') {
        logEvent('demo', 'The page asks its server for a new session and sets session-id.');
        flow.sessionId = emulator.createSession({ onlyEngine: settings.flow === 'ocr-only' });
      }
    });
  }
  stage.replaceChildren(flow);
  note.textContent =
    settings.mode === 'real'
      ? `Talking to ${settings.apiBase} with your session id.`
      : `API emulator at ${emulatorBase}: no key, no network needed.`;
}

function update<K extends keyof Settings>(key: K, value: Settings[K]): void {
  settings[key] = value;
  mount();
  draw();
}

function inject(fault: EmulatorFault): void {
  emulator.inject(fault, { endpoint: faultEndpoint });
  draw();
}

function draw(): void {
  const select = (key: 'mode' | 'documentType' | 'flow' | 'lang' | 'livenessChallenge', label: string, options: string[]) => html`<label
    >${label}
    <select @change=${(event: Event) => update(key, (event.target as HTMLSelectElement).value as Mode)}>
      ${options.map((option) => html`<option ?selected=${settings[key] === option}>${option}</option>`)}
    </select></label
  >`;
  const check = (key: 'autostart' | 'manualCapture' | 'allowUpload', label: string) => html`<label
    ><input type="checkbox" .checked=${settings[key]} @change=${(event: Event) => update(key, (event.target as HTMLInputElement).checked)} />
    ${label}</label
  >`;
  render(
    html`<form @submit=${(event: Event) => event.preventDefault()}>
      <fieldset>
        <legend>API</legend>
        ${select('mode', 'Talk to', ['emulator-session', 'emulator-key', 'real'])}
        <p class="hint">
          emulator-session: a session made by "your server" (recommended pattern). emulator-key: the element
          creates sessions with a development key. real: a real api-base with a session id your server created.
        </p>
        ${settings.mode === 'real'
          ? html`<label>api-base <input type="url" .value=${settings.apiBase} @change=${(event: Event) => update('apiBase', (event.target as HTMLInputElement).value)} /></label>
              <label>session-id <input type="text" .value=${settings.sessionId} @change=${(event: Event) => update('sessionId', (event.target as HTMLInputElement).value)} /></label>`
          : ''}
      </fieldset>
      <fieldset>
        <legend>Attributes</legend>
        ${select('documentType', 'document-type', ['idr', 'passport', 'dlr'])} ${select('flow', 'flow', ['full', 'ocr-only'])}
        ${select('lang', 'lang', ['vi', 'en'])} ${select('livenessChallenge', 'liveness-challenge', ['none', 'turn-head'])}
        ${check('autostart', 'autostart')} ${check('manualCapture', 'manual-capture')} ${check('allowUpload', 'allow-upload')}
        <button type="button" @click=${mount}>Restart the component</button>
      </fieldset>
      ${settings.mode === 'real'
        ? ''
        : html`<fieldset>
            <legend>Make the emulator answer</legend>
            <label
              >on
              <select @change=${(event: Event) => { faultEndpoint = (event.target as HTMLSelectElement).value as EmulatorEndpoint | 'any'; }}>
                ${['any', 'init', 'ocr', 'face'].map((option) => html`<option ?selected=${faultEndpoint === option}>${option}</option>`)}
              </select></label
            >
            <div class="faults">${EMULATOR_FAULTS.map((fault) => html`<button type="button" @click=${() => inject(fault)}>${fault}</button>`)}</div>
            <p class="hint">
              Queued (each answers the next matching request once):
              ${emulator.queuedFaults.length ? emulator.queuedFaults.map((q) => `${q.fault} (${q.endpoint})`).join(', ') : 'none'}
            </p>
            <button type="button" @click=${() => { emulator.clearFaults(); draw(); }}>Clear queued answers</button>
          </fieldset>`}
    </form>`,
    controls,
  );
}

document.querySelector('#clear-log')?.addEventListener('click', () => log.replaceChildren());
mount();
draw();
