import type { EkycFlow, EkycEventMap, EkycEventName } from '../../src/index.js';
import type { FlowController } from '../../src/flow/flow-controller.js';
import { hasBack, isCaptureStep, sideOfStep } from '../../src/flow/steps.js';
import type { Capture, FlowState } from '../../src/flow/types.js';
import { EVENT_NAMES, liveTracks } from '../helpers/flow.js';
import { describeAction, type Action } from './actions.js';
import { visibleButtons, type Driver, type World } from './driver.js';

/** How long a pressed button may take to change anything. */
const BUTTON_MS = 5_000;
/** How long the element may show no way forward (no enabled control but cancel, nothing under way). */
const STUCK_MS = 15_000;
/** How long releasing the camera, a worker or a listener may take. */
const RELEASE_MS = 3_000;

/** An invariant that does not hold: its name, and what was seen. */
export class InvariantFailure extends Error {
  readonly invariant: string;
  readonly detail: string;
  constructor(invariant: string, detail: string) {
    super(`${invariant}: ${detail}`);
    this.name = 'InvariantFailure';
    this.invariant = invariant;
    this.detail = detail;
  }
}

const fail = (invariant: string, message: string): never => {
  throw new InvariantFailure(invariant, message);
};

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `condition` until it holds (true) or `ms` pass (false). */
async function within(ms: number, condition: () => boolean): Promise<boolean> {
  const end = performance.now() + ms;
  for (;;) {
    if (condition()) return true;
    if (performance.now() >= end) return false;
    await sleep(25);
  }
}

interface WorkerSpy {
  /** Live workers of the element (as `name (url)`): the page-wide ones left out. */
  own(): string[];
  /** Live page-wide workers (the face detector's, the QR decoder's), by kind. */
  shared(): Map<string, number>;
  restore(): void;
}

/**
 * The face detector's and the QR decoder's workers serve every element of the page and are let go a while after
 * their last use (5 s, 60 s): not left behind by one element, but never more than one of each.
 */
const sharedKind = (url: string, name: string): string | null =>
  url.includes('face-worker') ? 'face detector' : name === 'ekyc-qr' ? 'QR decoder' : null;

/** Workers of the page not yet terminated. */
function spyWorkers(): WorkerSpy {
  const Original = window.Worker;
  const started: { url: string; name: string; worker: Worker }[] = [];
  const ended = new WeakSet<Worker>();
  const terminate = Object.getOwnPropertyDescriptor(Original.prototype, 'terminate')!;
  Original.prototype.terminate = function (this: Worker) {
    ended.add(this);
    (terminate.value as (this: Worker) => void).call(this);
  };
  window.Worker = class extends Original {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      started.push({ url: String(url), name: options?.name ?? '', worker: this });
    }
  };
  const live = () => started.filter(({ worker }) => !ended.has(worker));
  return {
    own: () => live().filter(({ url, name }) => sharedKind(url, name) === null).map(({ url, name }) => `${name} (${url})`),
    shared: () => {
      const kinds = new Map<string, number>();
      for (const { url, name } of live()) {
        const kind = sharedKind(url, name);
        if (kind) kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
      }
      return kinds;
    },
    restore: () => {
      window.Worker = Original;
      Object.defineProperty(Original.prototype, 'terminate', terminate);
    },
  };
}

let workers: WorkerSpy | undefined;

/** What the runs of the page reached: each step shown, each event fired, each error code (for the long run's report). */
export const coverage = new Map<string, number>();
const count = (key: string): void => void coverage.set(key, (coverage.get(key) ?? 0) + 1);

/** What a pressed button may change. */
type Fingerprint = unknown[];

/**
 * Checks the element's invariants: some as they happen (every event, every state), the rest after each action.
 * The first broken one is kept and thrown by the next `check`.
 */
export class Watcher {
  private readonly driver: Driver;
  private readonly world: World;
  private readonly machine: FlowController;
  private readonly restoreDispatch: () => void;
  private broken: InvariantFailure | null = null;
  private events = 0;
  private consoleSeen: number;
  private errorsSeen: number;
  private readonly listenersBefore: number;
  private readonly objectUrlsBefore: number;
  /** Answers of the run so far (since the intro or the result was left). */
  private answers = { front: false, back: false, face: false };
  private completedHere = false;
  /** Captures the API accepted, with their session: never sent again in it. */
  private readonly acceptedCaptures = new Map<Capture['image'], string>();
  private readonly offEvents: () => void;

  constructor(driver: Driver) {
    workers ??= spyWorkers();
    this.driver = driver;
    this.world = driver.world;
    const element = driver.element;
    this.machine = element['machine'];
    this.consoleSeen = this.world.console.calls.length;
    this.errorsSeen = this.world.pageErrors.errors.length;
    this.listenersBefore = this.world.listeners.active(pageWide);
    this.objectUrlsBefore = this.world.objectUrls.outstanding();

    const machine = this.machine;
    const dispatch = machine.dispatch.bind(machine);
    machine.dispatch = (event) => {
      const before = machine.state;
      dispatch(event);
      if (machine.state !== before) this.onState(machine.state);
    };
    this.restoreDispatch = () => {
      Reflect.deleteProperty(machine, 'dispatch');
    };

    const listener = (event: Event): void => {
      this.onEvent(event.type as EkycEventName, (event as CustomEvent<EkycEventMap[EkycEventName]>).detail);
    };
    for (const name of EVENT_NAMES) element.addEventListener(name, listener);
    this.offEvents = () => {
      for (const name of EVENT_NAMES) element.removeEventListener(name, listener);
    };
  }

  private note(invariant: string, message: string): void {
    this.broken ??= new InvariantFailure(invariant, message);
  }

  private get element(): EkycFlow {
    return this.driver.element;
  }

  /** Every state the machine enters. */
  private onState(state: FlowState): void {
    if (isCaptureStep(state.step) && 'accepted' in state) {
      const side = sideOfStep(state.step);
      if (state.accepted[side]) this.note('nothing-lost', `the ${side} the API accepted in session ${state.sessionId} is asked for again`);
    }
    if (state.step === 'processing' && state.sessionId !== null) {
      const side = state.work === 'ocr-front' ? 'front' : state.work === 'ocr-back' ? 'back' : state.work === 'face' ? 'selfie' : null;
      const capture = side ? state.captures[side] : undefined;
      if (capture && this.acceptedCaptures.get(capture.image) === state.sessionId) {
        this.note('nothing-lost', `the ${side} the API accepted in session ${state.sessionId} is sent to it again`);
      }
    }
  }

  private onEvent<K extends EkycEventName>(name: K, detail: EkycEventMap[K]): void {
    const element = this.element;
    const state = this.machine.state;
    this.events += 1;
    if (name === 'ekyc-step') count(`step ${(detail as EkycEventMap['ekyc-step']).step}`);
    else if (name === 'ekyc-error') {
      const { code, message } = detail as EkycEventMap['ekyc-error'];
      count(code === 'bad-config' ? `error bad-config (${message})` : `error ${code}`);
    }
    else count(name);
    if (!element.isConnected) this.note('events', `${name} fired while the element is out of the page`);
    if (name === 'ekyc-step') {
      const { step, previousStep } = detail as EkycEventMap['ekyc-step'];
      if (step !== element.step) this.note('events', `ekyc-step names ${step} while the element shows ${element.step}`);
      if (previousStep === 'intro' || previousStep === 'done') {
        this.answers = { front: false, back: false, face: false };
        this.completedHere = false;
      }
    }
    if (name === 'ekyc-ocr' || name === 'ekyc-face') {
      const side = name === 'ekyc-face' ? 'selfie' : (detail as EkycEventMap['ekyc-ocr']).side;
      this.answers[side === 'selfie' ? 'face' : side] = true;
      const capture = 'captures' in state ? state.captures[side] : undefined;
      if (capture && 'sessionId' in state && state.sessionId) this.acceptedCaptures.set(capture.image, state.sessionId);
    }
    if (name === 'ekyc-complete') {
      if (this.completedHere) this.note('events', 'ekyc-complete fired twice in one run');
      this.completedHere = true;
      const config = state.config;
      const missing = [
        !this.answers.front && 'the front',
        hasBack(config.documentType) && !this.answers.back && 'the back',
        config.flow === 'full' && !this.answers.face && 'the selfie',
      ].filter(Boolean);
      if (missing.length > 0) this.note('events', `ekyc-complete fired without the API's answer for ${missing.join(', ')}`);
    }
  }

  private fingerprint(): Fingerprint {
    const capture = this.element['capture'].controller;
    return [
      this.machine.state,
      this.events,
      capture?.camera.status,
      capture?.camera.stream,
      capture?.previewStream,
      this.element['capture'].state,
      this.world.fileChooserOpens,
    ];
  }

  /** Taken before an action: what a button it presses must change. */
  beforeAction(action: Action): { button: string | null; fingerprint: Fingerprint } {
    let button: string | null = null;
    if (action.kind === 'click' || action.kind === 'key') {
      const picked = this.driver.pickButton(action.pick);
      if (picked && !picked.disabled) button = picked.getAttribute('part') ?? picked.textContent.trim();
    }
    return { button, fingerprint: this.fingerprint() };
  }

  /** A way forward is on screen, or the element is working, or nothing but the page can move it on. */
  private canGoOn(): boolean {
    const element = this.element;
    if (!element.isConnected) return true;
    const state = this.machine.state;
    switch (state.step) {
      case 'intro':
      case 'done':
        return true;
      case 'processing': {
        const status = element.shadowRoot?.querySelector('[part~="processing"] p')?.textContent.trim();
        return Boolean(status);
      }
      case 'error':
        if (state.error.retry === 'session' || state.error.retry === 'none') return true;
        break;
      default: {
        // No camera at all and no upload allowed: by design the page's cancel is the only way (nothing to retry).
        const camera = element['capture'].controller?.camera;
        if (camera?.status === 'error' && camera.error === 'camera-unavailable' && !element.allowUpload) return true;
        break;
      }
    }
    return visibleButtons(element).some((button) => !button.disabled && !button.matches('[part~="cancel-button"]'));
  }

  /** Checks every invariant once the action is done. */
  async check(action: Action, before: { button: string | null; fingerprint: Fingerprint }): Promise<void> {
    if (before.button) {
      const changed = await within(BUTTON_MS, () => {
        const now = this.fingerprint();
        return now.some((value, index) => value !== before.fingerprint[index]);
      });
      if (!changed) this.note('never-stuck', `pressing ${before.button} (${describeAction(action)}) did nothing for ${BUTTON_MS / 1000} s`);
    }
    this.throwIfBroken();
    if (!(await within(STUCK_MS, () => this.canGoOn()))) {
      const parts = visibleButtons(this.element).map((button) => `${button.getAttribute('part')}${button.disabled ? ' (disabled)' : ''}`);
      fail('never-stuck', `on ${this.element.step} for ${STUCK_MS / 1000} s with no way forward; buttons: ${parts.join(', ') || 'none'}`);
    }
    await this.checkResources();
    this.throwIfBroken();
  }

  private throwIfBroken(): void {
    const { console, pageErrors } = this.world;
    const errors = console.calls.slice(this.consoleSeen).filter((call) => call.method === 'error');
    this.consoleSeen = console.calls.length;
    if (errors.length > 0) this.note('no-errors', `console.error: ${errors.map((call) => call.text.slice(0, 300)).join(' | ')}`);
    const uncaught = pageErrors.errors.slice(this.errorsSeen);
    this.errorsSeen = pageErrors.errors.length;
    if (uncaught.length > 0) this.note('no-errors', `uncaught: ${uncaught.join(' | ')}`);
    if (this.broken) throw this.broken;
  }

  private async checkResources(): Promise<void> {
    const live = (): number => liveTracks(this.world.streams).length;
    if (live() > 1) fail('resources', `${live()} live camera tracks`);
    for (const [kind, count] of workers?.shared() ?? []) if (count > 1) fail('resources', `${count} ${kind} workers at once`);
    const state = this.machine.state;
    const element = this.element;
    const cameraWanted = element.isConnected && isCaptureStep(state.step) && 'review' in state && !state.review;
    if (!cameraWanted && !(await within(RELEASE_MS, () => live() === 0 || this.cameraWantedNow()))) {
      fail('resources', `a camera track is still live on ${element.isConnected ? element.step : 'a removed element'}`);
    }
    if (!element.isConnected || state.step === 'intro') await this.checkReleased(element.isConnected ? 'at the intro' : 'once removed');
  }

  private cameraWantedNow(): boolean {
    const state = this.machine.state;
    return this.element.isConnected && isCaptureStep(state.step) && 'review' in state && !state.review;
  }

  /** After reset(), cancel() or removal: no worker, object URL or page-wide listener left behind. */
  private async checkReleased(when: string): Promise<void> {
    const stillThere = (): string[] => {
      if (this.element.isConnected && this.machine.state.step !== 'intro') return [];
      const left: string[] = [];
      const running = workers?.own() ?? [];
      if (running.length > 0) left.push(`worker(s) ${running.join(', ')}`);
      const urls = this.world.objectUrls.outstanding() - this.objectUrlsBefore;
      if (urls > 0) left.push(`${urls} object URL(s)`);
      if (!this.element.isConnected) {
        const listeners = this.world.listeners.active(pageWide) - this.listenersBefore;
        if (listeners > 0) left.push(`${listeners} listener(s) on the document or window`);
      }
      return left;
    };
    if (!(await within(RELEASE_MS, () => stillThere().length === 0))) fail('resources', `${stillThere().join(', ')} left ${when}`);
  }

  /** Takes the element out of the page and checks what is left behind. */
  async finish(): Promise<void> {
    this.element.remove();
    await this.checkResources();
    this.throwIfBroken();
  }

  dispose(): void {
    this.offEvents();
    this.restoreDispatch();
  }
}

const pageWide = (target: EventTarget): boolean => target === document || target === window;
