import { LitElement, adoptStyles, html, type CSSResult, type PropertyValues } from 'lit';
import { DOCUMENT_TYPES, type ApiConfig, type ApiCredentials, type HostHeaders } from './api/types.js';
import type { CaptureController } from './capture/capture-controller.js';
import type { EkycCompleteDetail, Step } from './events.js';
import { cueAudio } from './feedback/audio.js';
import { checkSettings, keyExposureWarning, type ElementSettings } from './flow/config.js';
import { FlowController } from './flow/flow-controller.js';
import { PrefetchController } from './flow/prefetch-controller.js';
import type { HandoffController } from './handoff/handoff-controller.js';
import type { ClaimedHandoff } from './handoff/protocol.js';
import { isCaptureState } from './flow/steps.js';
import type { FlowState } from './flow/types.js';
import { InheritedLangController } from './i18n/inherited-lang.js';
import { availableLang, loadLanguage, normaliseLang, translate, type EkycStrings, type Lang } from './i18n/localize.js';
import { internalsOf, showStates } from './platform/custom-states.js';
import { nextTask } from './platform/scheduling.js';
import { styles } from './styles/ekyc-flow.styles.js';
import { announcement } from './views/announcement.js';
import { renderCapturePending } from './views/capture-pending.js';
import { errorKey, heading, type Translate } from './views/common.js';
import { renderDone } from './views/done.js';
import { renderError } from './views/error.js';
import { renderIntro } from './views/intro.js';
import { renderProcessing } from './views/processing.js';
import { renderProgress } from './views/progress.js';

/** The capture steps' script (camera, guidance, capture and review screens), one chunk loaded when first needed. */
const loadCaptureModule = () => import('./capture/capture-controller.js');

/**
 * Runs a complete identity check in the page: the document's front and back,
 * then a selfie, checked on the device and sent to the FPT.AI eKYC API.
 *
 * @summary An eKYC capture flow: document front → back → selfie → result.
 *
 * The step is also a custom state, for styling each screen from the page without script:
 * `ekyc-flow:state(selfie) { --ekyc-viewfinder-aspect: 1 / 1; }`.
 *
 * @fires {CustomEvent<EkycStartDetail>} ekyc-start - The flow has a session. Detail: `EkycStartDetail`.
 * @fires {CustomEvent<EkycStepDetail>} ekyc-step - The screen changed. Detail: `EkycStepDetail`.
 * @fires {CustomEvent<EkycCaptureDetail>} ekyc-capture - The user confirmed a photo. Detail: `EkycCaptureDetail` (the JPEG `Blob`).
 * @fires {CustomEvent<EkycOcrDetail>} ekyc-ocr - The API read a side of the document. Detail: `EkycOcrDetail`; for an ID card (`idr`), `qr`: the citizen ID's QR code read on the device from that side's photo (`{ raw, fields: { id, oldId, name, dateOfBirth, sex, address, issueDate } }`, dates `yyyy-mm-dd`), or `null` when none was found (never an error).
 * @fires {CustomEvent<EkycFaceDetail>} ekyc-face - The API checked the selfie. Detail: `EkycFaceDetail`.
 * @fires {CustomEvent<EkycCompleteDetail>} ekyc-complete - The check is over. Detail: `EkycCompleteDetail`; `ocr.qr` is the card's QR code (or `null`) and `ocr.crossCheck` compares it with the OCR (`{ id, name, dateOfBirth, sex, issueDate }`, each `'match'`, `'mismatch'` or `'missing'`; `null` without a code).
 * @fires {CustomEvent<EkycErrorDetail>} ekyc-error - Something failed. Detail: `EkycErrorDetail` (`code`, `message`, `step`, `recoverable`).
 * @fires {CustomEvent<EkycCancelDetail>} ekyc-cancel - The user cancelled. Detail: `EkycCancelDetail`.
 *
 * @slot intro - Replaces the content of the intro screen (the start button stays).
 * @slot done - Replaces the content of the final screen.
 *
 * @csspart container - The element's box.
 * @csspart header - The heading row of each screen.
 * @csspart heading - Each screen's heading.
 * @csspart progress - The list of capture steps.
 * @csspart intro - The intro screen.
 * @csspart capture - A capture screen: the preview, its guide and hint, and the buttons.
 * @csspart viewfinder - The camera preview's box.
 * @csspart video - The camera preview.
 * @csspart frame - The guide frame over the preview.
 * @csspart hint - The guidance under the frame.
 * @csspart notice - Why the user is asked to take a photo again.
 * @csspart review - The review screen: the photo, retake and confirm.
 * @csspart review-image - The photo under review (a canvas with an accessible name).
 * @csspart review-summary - What the checks found on the photo under review, in words, and whether to use it or retake it.
 * @csspart capture-button - Takes the photo.
 * @csspart retake-button - Discards the photo under review.
 * @csspart confirm-button - Keeps the photo under review.
 * @csspart upload-button - Offers a file instead of the camera.
 * @csspart switch-camera-button - Moves to the next camera.
 * @csspart torch-button - Turns the light on and off.
 * @csspart start-button - Starts the flow.
 * @csspart retry-button - Tries again after an error (or, on a capture step, tries the camera again).
 * @csspart cancel-button - Cancels the flow (fires `ekyc-cancel`); on every screen between the intro and the result.
 * @csspart next-step - On the error screen: what happens next, and what each button does.
 * @csspart processing - The waiting screen.
 * @csspart result - The final screen.
 * @csspart error - The error screen.
 * @csspart handoff-button - "Continue on my phone", with `handoff-url`: on the intro, and where the camera is missing or denied.
 * @csspart handoff - The handoff screen: on the computer, the code, the link and the phone's progress; on the phone, connecting or refused.
 * @csspart handoff-qr - The QR code of the link for the phone (a canvas with an accessible name).
 * @csspart handoff-link - The link for the phone (an `<a href>`).
 * @csspart handoff-copy-button - Copies the link.
 * @csspart handoff-time - The time left to open the link.
 * @csspart handoff-renew-button - A new code, once the last one expired.
 * @csspart handoff-status - The phone's progress, as the computer hears it; on the phone, its connection.
 *
 * @cssstate intro - The intro screen is shown.
 * @cssstate document-front - The document's front is being photographed (or reviewed).
 * @cssstate document-back - The document's back is being photographed (or reviewed).
 * @cssstate selfie - The selfie is being taken (or reviewed).
 * @cssstate review - A photo is under review (with one of the three states above).
 * @cssstate processing - The API is being called.
 * @cssstate done - The check is over.
 * @cssstate error - The error screen is shown.
 *
 * @cssprop [--ekyc-color-primary=#0a58ca] - Buttons, progress, focus.
 * @cssprop [--ekyc-color-on-primary=#ffffff] - Text on primary buttons.
 * @cssprop [--ekyc-color-text=#1b1f24] - Text.
 * @cssprop [--ekyc-color-muted=#515a66] - Secondary text.
 * @cssprop [--ekyc-color-background=#ffffff] - The element's background.
 * @cssprop [--ekyc-color-surface=#f1f4f8] - Panels and notices.
 * @cssprop [--ekyc-color-error=#b3261e] - Error text and accents.
 * @cssprop [--ekyc-color-success=#146c2e] - Completed steps.
 * @cssprop [--ekyc-focus-ring-color=#0a58ca] - The focus outline.
 * @cssprop [--ekyc-font-family=system-ui] - The font.
 * @cssprop [--ekyc-font-size=1rem] - The base font size.
 * @cssprop [--ekyc-radius=12px] - Corner radius of panels and the preview.
 * @cssprop [--ekyc-button-radius=999px] - Corner radius of buttons.
 * @cssprop [--ekyc-spacing=16px] - The base spacing.
 * @cssprop [--ekyc-max-width=480px] - The element's largest width.
 * @cssprop [--ekyc-overlay-color=rgb(0 0 0 / 0.55)] - The shade around the guide frame.
 * @cssprop [--ekyc-frame-color=#ffffff] - The guide frame.
 * @cssprop [--ekyc-frame-ready-color=#3ddc84] - The guide frame when the photo is about to be taken.
 * @cssprop [--ekyc-viewfinder-aspect=3 / 4] - The preview's aspect ratio.
 */
export class EkycFlow extends LitElement {
  static override styles = styles;

  static override properties = {
    apiBase: { attribute: 'api-base' },
    sessionId: { attribute: 'session-id' },
    apiKey: { attribute: 'api-key' },
    apiKind: { attribute: 'api-kind' },
    clientUuid: { attribute: 'client-uuid' },
    documentType: { attribute: 'document-type' },
    flow: {},
    lang: {},
    autostart: { type: Boolean },
    manualCapture: { attribute: 'manual-capture', type: Boolean },
    allowUpload: { attribute: 'allow-upload', type: Boolean },
    livenessChallenge: { attribute: 'liveness-challenge' },
    assetsBase: { attribute: 'assets-base' },
    requestTimeout: { attribute: 'request-timeout', type: Number },
    credentials: {},
    handoffUrl: { attribute: 'handoff-url' },
    handoffToken: { attribute: 'handoff-token' },
    feedback: {},
    prefetch: {},
    strings: { attribute: false },
  };

  /** Base URL of the API, or of your proxy. */
  declare apiBase: string | undefined;
  /** A session your server created with `POST /session/init` (recommended: the key stays on the server). Set a new one after `session-expired` and the check goes on. */
  declare sessionId: string | undefined;
  /** Development only: with a key, the element creates its sessions itself. Never ship a key to browsers. */
  declare apiKey: string | undefined;
  /**
   * What answers at `api-base`: `fpt-ai` (exactly FPT.AI's documented headers and fields) or `server` (yours, or
   * `ekyc-flow/server`: it also gets an `Idempotency-Key` with each upload and your `headers`). Without it: `fpt-ai`
   * with an `api-key`; `server` for the page's own origin, a handoff or your own `headers`; otherwise `fpt-ai`.
   */
  declare apiKind: 'fpt-ai' | 'server' | undefined;
  /** Sent as `client_uuid` when the element creates a session. */
  declare clientUuid: string | undefined;
  /** Identity card, passport or driving licence. Changed mid-flow, the document steps start over; another value is a `bad-config` error. */
  declare documentType: 'idr' | 'passport' | 'dlr';
  /** With a selfie, or the document alone. */
  declare flow: 'full' | 'ocr-only';
  /** `vi` or `en`: the element's text and the API's `lang`. Without it, the nearest ancestor's `lang` (`vi` or `en`, else `vi`), followed live. */
  declare lang: string;
  /** Skip the intro screen. */
  declare autostart: boolean;
  /** Never take photos automatically. */
  declare manualCapture: boolean;
  /** Offer "upload a photo instead"; also the way out when there is no camera. */
  declare allowUpload: boolean;
  /** An on-device head turn before the selfie, or none. */
  declare livenessChallenge: 'none' | 'turn-head';
  /** Where the MediaPipe files, the face model and the QR decoder are served from (default: next to the module). */
  declare assetsBase: string | undefined;
  /** Time limit of each API request, in milliseconds. */
  declare requestTimeout: number;
  /**
   * Non-visual cues of the capture steps, space-separated: `haptic` (a short vibration when the card or face is in
   * place, two longer ones when the photo is taken, where the device vibrates), `sound` (a short chime made in code when
   * the photo is taken), or `none`. Without it, vibration only, and nothing when the user prefers reduced motion;
   * with it, what it lists.
   */
  declare feedback: string | undefined;
  /**
   * What the element fetches while the intro waits. `auto` (default): once the page is idle, at low priority, the
   * capture steps' script, then (with a selfie) the face detector's files, unless the browser asks to save data
   * (Save-Data) or reports a 2G link. `none`: nothing before `start()`.
   */
  declare prefetch: 'auto' | 'none';
  /** Your own text for any key, in the current `lang`. */
  declare strings: Partial<EkycStrings> | undefined;
  /** Cookies with each call: `omit`, `same-origin` (default) or `include` (your server on another site). */
  declare credentials: ApiCredentials | undefined;
  /**
   * Your own headers for each call to your server (`authorization`, a CSRF token), or a
   * function that returns them (possibly a promise), asked before every call. Never put in
   * an event, never logged.
   */
  headers: HostHeaders | undefined;
  /**
   * On the computer: your page's URL for the phone, with `{token}` where the handoff token goes
   * (`https://bank.example/verify#{token}`). The intro then offers "Continue on my phone"; it needs a
   * `session-id` from `ekyc-flow/server`. After a reload, the same `session-id` and `handoff()` rejoin it.
   */
  declare handoffUrl: string | undefined;
  /** On the phone: the token your page read from its URL. The element claims it, then runs the computer's check. */
  declare handoffToken: string | undefined;

  private readonly internals = internalsOf(this);
  private readonly inheritedLang = new InheritedLangController(this);
  private readonly machine: FlowController = new FlowController(this, {
    context: () => ({
      api: { ...this.api, headers: this.handoffController ? this.handoffController.uploadHeaders(this.headers) : this.headers },
      lang: this.language,
      clientUuid: this.clientUuid,
      qrAssetsBase: this.machine.state.config.documentType === 'idr' ? this.resolvedAssetsBase : undefined,
    }),
    errorMessage: (code, config) => this.t(errorKey(code, config.documentType)),
    focusScreen: () => this.focusHeading(),
  });
  /** The capture steps' camera, guidance and screens, loaded when the flow starts. */
  private capture: CaptureController | null = null;
  private captureLoad: 'loading' | 'failed' | null = null;
  /**
   * The capture screens' styles, arrived with their script: added to the element's on its next update (while the
   * intro waits, when it fetched them: adding them restyles the element, which the tap on "Start" then does not wait on).
   */
  private captureStyles: CSSResult | null = null;
  private captureStyled = false;
  private warnedAboutKey = false;
  /** "Continue on your phone", loaded when first needed. */
  private handoffController: HandoffController | null = null;
  private handoffLoad: Promise<HandoffController> | null = null;
  /** The table of a language the element speaks but has not received yet: it draws in Vietnamese meanwhile. */
  private languageLoad: Promise<void> | null = null;

  constructor() {
    super();
    this.documentType = 'idr';
    this.flow = 'full';
    this.autostart = false;
    this.manualCapture = false;
    this.allowUpload = false;
    this.livenessChallenge = 'none';
    this.requestTimeout = 30_000;
    this.prefetch = 'auto';
    // The capture steps' script, fetched and run while the intro waits (the tap on "Start" then runs none of it); then
    // the face runtime, so that the selfie finds its detector ready on a slow link too.
    new PrefetchController(this, {
      wanted: () => this.step === 'intro' && this.prefetch !== 'none',
      steps: [() => loadCaptureModule().then(({ captureStyles }) => {
        this.captureStyles = captureStyles;
        this.requestUpdate();
      }), async (signal) => {
        const { prefetchFaceRuntime } = await loadCaptureModule();
        if (this.flow !== 'ocr-only') await prefetchFaceRuntime(this.resolvedAssetsBase, signal);
      }],
    });
  }

  /** The current screen. */
  get step(): Step {
    return this.handoffController?.step ?? this.machine.state.step;
  }

  /** What `ekyc-complete` carried, once the flow is done; otherwise `null`. */
  get result(): EkycCompleteDetail | null {
    const state = this.machine.state;
    return this.handoffController?.result ?? (state.step === 'done' ? state.result : null);
  }

  /** Starts the flow (what the intro's button does). */
  start(): void {
    const checked = checkSettings(this.settings);
    if (!checked.ok) {
      this.machine.dispatch({ type: 'config-error', message: checked.message });
      return;
    }
    // Audio may only start from a user's gesture in some browsers: this click is one.
    if (this.feedback?.toLowerCase().split(/\s+/).includes('sound')) cueAudio();
    this.machine.prefetch(checked.config.documentType === 'idr' ? this.resolvedAssetsBase : undefined);
    this.loadCapture();
    this.machine.dispatch({ type: 'start', config: checked.config, sessionId: checked.sessionId });
    this.capture?.prefetch(this.resolvedAssetsBase);
  }

  /** Back to the intro, dropping every capture. */
  reset(): void {
    this.machine.dispatch({ type: 'reset' });
  }

  /**
   * Continues on a phone (what "Continue on my phone" does): shows a code and a link for the phone, then
   * follows it. With the `session-id` of a handoff under way (after a reload), follows that one again.
   */
  handoff(): void {
    if (this.step !== 'intro') this.machine.dispatch({ type: 'reset' });
    void this.loadHandoff().then((controller) => controller.open());
  }

  /** Stops the flow and drops every capture; fires `ekyc-cancel`. */
  cancel(): void {
    this.machine.dispatch({ type: 'cancel' });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Back in the page (a route change): what the step needs, the camera above all, is set up again on update.
    if (this.hasUpdated) this.requestUpdate();
    // A phone waits for its claim to give it the computer's session and settings.
    if (this.autostart && this.step === 'intro' && !this.handoffToken) queueMicrotask(() => { this.start(); });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('apiKey')) this.warnAboutKey();
    const token = this.handoffToken;
    if (changed.has('handoffToken') && token) void this.loadHandoff().then((controller) => controller.claim(token));
    if (changed.has('sessionId') && this.sessionId) this.machine.dispatch({ type: 'session-provided', sessionId: this.sessionId });
    const documentType = DOCUMENT_TYPES.find((type) => type === this.documentType);
    if (changed.has('documentType') && documentType) this.machine.dispatch({ type: 'document-type-changed', documentType });
    this.fetchLanguage();
    if (this.captureStyles && !this.captureStyled) {
      adoptStyles(this.renderRoot as ShadowRoot, [...(this.constructor as typeof EkycFlow).elementStyles, this.captureStyles]);
      this.captureStyled = true;
    }
    const state = this.machine.state;
    showStates(this.internals, isCaptureState(state) && state.review ? [state.step, 'review'] : [state.step]);
  }

  /** The settings as the flow checks them; `lang` is the element's own, or the language it follows. */
  private get settings(): ElementSettings {
    const { apiBase, sessionId, apiKey, apiKind, documentType, flow, livenessChallenge, credentials } = this;
    return { apiBase, sessionId, apiKey, apiKind, documentType, flow, livenessChallenge, credentials, lang: this.lang || this.language };
  }

  /** The language the element speaks: its own `lang`, else the nearest ancestor's; `vi` unless that is `en`. */
  private get language(): Lang {
    return normaliseLang(this.lang || this.inheritedLang.value) ?? 'vi';
  }

  private get api(): ApiConfig {
    const { apiKey, apiKind: audience, credentials, headers } = this;
    const handoff = Boolean(this.handoffUrl || this.handoffToken);
    return { apiBase: this.apiBase ?? '', apiKey, timeoutMs: this.requestTimeout, credentials, headers, audience, handoff };
  }

  private loadHandoff(): Promise<HandoffController> {
    this.handoffLoad ??= import('./handoff/handoff-controller.js').then(({ HandoffController }) => {
      this.handoffController = new HandoffController(this, {
        api: () => this.api,
        computer: () => {
          const checked = checkSettings(this.settings);
          if (!this.handoffUrl || !this.sessionId || !checked.ok) return null;
          const { documentType, flow } = checked.config;
          const livenessChallenge = this.livenessChallenge === 'turn-head' ? 'turn-head' : 'none';
          return { sessionId: this.sessionId, urlTemplate: this.handoffUrl, settings: { documentType, flow, lang: checked.lang, livenessChallenge } };
        },
        begin: (claimed) => this.beginOnPhone(claimed),
        step: () => this.machine.state.step,
        focus: () => this.focusHeading(),
      });
      return this.handoffController;
    });
    return this.handoffLoad;
  }

  /** The phone runs the computer's check: its session and settings. */
  private beginOnPhone({ sessionId, settings }: ClaimedHandoff): void {
    Object.assign(this, { sessionId, ...settings });
    this.start();
  }

  /** Fetches the table of the language spoken, if it has not arrived; the element is drawn anew when it does. */
  private fetchLanguage(): void {
    const lang = this.language;
    if (availableLang(lang) === lang || this.languageLoad) return;
    const load = loadLanguage(lang).then(
      () => this.requestUpdate(),
      () => undefined,
    );
    this.languageLoad = load;
    void load.finally(() => {
      if (this.languageLoad === load) this.languageLoad = null;
    });
  }

  /** Also waits for a language on its way: once settled, the text is in the language asked for. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    while (this.languageLoad) {
      await this.languageLoad;
      complete = await super.getUpdateComplete();
    }
    return complete;
  }

  /** `assets-base`, or the `ekyc-assets/` folder next to this module. */
  private get resolvedAssetsBase(): string {
    const base = this.assetsBase ?? new URL('./ekyc-assets/', import.meta.url).href;
    return base.endsWith('/') ? base : `${base}/`;
  }

  private loadCapture(): void {
    if (this.capture || this.captureLoad === 'loading') return;
    this.captureLoad = 'loading';
    loadCaptureModule().then(
      ({ CaptureController, captureStyles }) => {
        this.captureLoad = null;
        this.captureStyles = captureStyles;
        this.capture = new CaptureController(this, this.machine, () => ({
          manualCapture: this.manualCapture,
          livenessChallenge: this.livenessChallenge === 'turn-head' ? 'turn-head' : 'none',
          feedback: this.feedback,
        }));
        // The screen that waited for it is drawn anew: its heading keeps the focus it had.
        const focused = (this.renderRoot as ShadowRoot).activeElement?.id === 'heading';
        this.requestUpdate();
        // The focus, then what later steps need, each in a task of its own after the new screen: together they held a
        // slow phone's page for over 50 ms.
        void this.updateComplete.then(async () => {
          await nextTask();
          if (focused && !(this.renderRoot as ShadowRoot).activeElement) this.focusHeading();
          await nextTask();
          this.capture?.prefetch(this.resolvedAssetsBase);
        });
      },
      () => {
        this.captureLoad = 'failed';
        this.requestUpdate();
      },
    );
  }

  private focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('#heading')?.focus();
  }

  private readonly t: Translate = (key, values) => translate(this.language, key, this.strings, values);

  private warnAboutKey(): void {
    if (!this.apiKey || this.warnedAboutKey || typeof location === 'undefined') return;
    const warning = keyExposureWarning(location.hostname);
    if (!warning) return;
    this.warnedAboutKey = true;
    console.warn(warning);
  }

  private readonly onStart = (): void => {
    this.start();
  };

  private readonly onHandoff = (): void => {
    this.handoff();
  };

  private readonly onCancel = (): void => {
    this.cancel();
  };

  private readonly onRetry = (): void => {
    this.machine.dispatch({ type: 'retry' });
  };

  private readonly onLoadCapture = (): void => {
    this.loadCapture();
    this.requestUpdate();
  };

  private renderScreen(state: FlowState) {
    const t = this.t;
    switch (state.step) {
      case 'intro': {
        const checked = checkSettings(this.settings);
        const onHandoff = this.handoffUrl && this.sessionId && !this.handoffToken ? this.onHandoff : undefined;
        const notice = this.handoffController?.notice;
        return renderIntro({ t, needsSelfie: !checked.ok || checked.config.flow === 'full', onStart: this.onStart, onHandoff, notice: notice && t(notice) });
      }
      case 'processing':
        return renderProcessing(t, state, this.onCancel);
      case 'done':
        return renderDone(t, state);
      case 'error':
        return renderError({ t, state, onRetry: this.onRetry, onCancel: this.onCancel });
      default:
        if (this.capture) {
          return this.capture.render(t, state, this.allowUpload, this.handoffUrl && this.sessionId && !this.handoffToken ? this.onHandoff : undefined);
        }
        return renderCapturePending(t, state, this.captureLoad === 'failed', this.onLoadCapture, this.onCancel);
    }
  }

  override render() {
    const state = this.machine.state;
    const t = this.t;
    // A phone's element waits for its handoff's code to load and claim: no intro to start from meanwhile.
    const handoff = this.handoffToken && !this.handoffController
      ? html`<section part="handoff" aria-busy="true">${heading(t, t('handoff.connecting'))}</section>`
      : this.handoffController?.render(t);
    return html`<div part="container" class="container" lang=${availableLang(this.language)}>
      ${handoff ?? html`${renderProgress(t, state)} ${this.renderScreen(state)}`}
      <div class="sr-only" role="status" aria-live="polite">${announcement(this.t, state, this.capture?.guidance.spokenHint ?? null, this.capture?.reviewSpeech(this.t))}</div>
    </div>`;
  }
}
