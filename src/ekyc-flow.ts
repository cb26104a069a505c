import { adoptStyles, html, type PropertyValues } from 'lit';
import { DOCUMENT_TYPES, type ApiConfig } from './api/types.js';
import { EkycFlowProperties } from './ekyc-flow-properties.js';
import type { EkycCompleteDetail, Step } from './events.js';
import { cueAudio } from './feedback/audio.js';
import { feedbackChoice } from './feedback/choice.js';
import { CaptureLoader } from './flow/capture-loader.js';
import { checkSettings, type ElementSettings } from './flow/config.js';
import { FlowController } from './flow/flow-controller.js';
import { isCaptureState } from './flow/steps.js';
import type { FlowState } from './flow/types.js';
import { HandoffLoader } from './flow/handoff-loader.js';
import type { ClaimedHandoff } from './handoff/protocol.js';
import { LanguageController } from './i18n/language-controller.js';
import { translate } from './i18n/localize.js';
import { internalsOf, showStates } from './platform/custom-states.js';
import { styles } from './styles/ekyc-flow.styles.js';
import { announcement } from './views/announcement.js';
import { errorKey, type Translate } from './views/common.js';
import { renderProgress } from './views/progress.js';
import { renderScreen } from './views/screen.js';

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
export class EkycFlow extends EkycFlowProperties {
  static override styles = styles;

  private readonly internals = internalsOf(this);
  private readonly language = new LanguageController(this, () => this.lang);
  private readonly machine: FlowController = new FlowController(this, {
    context: () => ({
      api: { ...this.api, headers: this.handoffLoader.controller ? this.handoffLoader.controller.uploadHeaders(this.headers) : this.headers },
      lang: this.language.value,
      clientUuid: this.clientUuid,
      qrAssetsBase: this.machine.state.config.documentType === 'idr' ? this.resolvedAssetsBase : undefined,
    }),
    errorMessage: (code, config) => this.t(errorKey(code, config.documentType)),
    focusScreen: () => this.focusHeading(),
  });
  private readonly capture = new CaptureLoader(this, {
    flow: this.machine,
    settings: () => ({ manualCapture: this.manualCapture, livenessChallenge: this.livenessChallenge === 'turn-head' ? 'turn-head' : 'none', feedback: this.feedback }),
    assetsBase: () => this.resolvedAssetsBase,
    prefetchWanted: () => this.step === 'intro' && this.prefetch !== 'none',
    needsSelfie: () => this.flow !== 'ocr-only',
    keepHeadingFocus: () => {
      const focused = (this.renderRoot as ShadowRoot).activeElement?.id === 'heading';
      return () => {
        if (focused && !(this.renderRoot as ShadowRoot).activeElement) this.focusHeading();
      };
    },
  });
  /** How many of the chunks' styles, once arrived, are added to the element's (which restyles it). */
  private chunkStyles = 0;
  private readonly handoffLoader = new HandoffLoader(this, {
    api: () => this.api,
    computer: () => ({ settings: this.settings, urlTemplate: this.handoffUrl }),
    begin: (claimed) => this.beginOnPhone(claimed),
    step: () => this.machine.state.step,
    focus: () => this.focusHeading(),
    translate: (key) => this.t(key),
    announce: (emission) => this.machine.announce(emission),
  });

  /** The current screen. */
  get step(): Step {
    return this.handoffLoader.controller?.step ?? this.machine.state.step;
  }

  /** What `ekyc-complete` carried, once the flow is done; otherwise `null`. */
  get result(): EkycCompleteDetail | null {
    const state = this.machine.state;
    return this.handoffLoader.controller?.result ?? (state.step === 'done' ? state.result : null);
  }

  /** Starts the flow (what the intro's button does). */
  start(): void {
    const checked = checkSettings(this.settings);
    if (!checked.ok) {
      this.machine.dispatch({ type: 'config-error', message: checked.message });
      return;
    }
    // Audio may only start from a user's gesture in some browsers: this click is one.
    if (feedbackChoice(this.feedback, false).sound) cueAudio();
    this.machine.prefetch(checked.config.documentType === 'idr' ? this.resolvedAssetsBase : undefined);
    this.capture.load();
    this.machine.dispatch({ type: 'start', config: checked.config, sessionId: checked.sessionId });
    this.capture.controller?.prefetch(this.resolvedAssetsBase);
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
    void this.handoffLoader.load().then((controller) => controller.open());
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
    if (changed.has('apiKey') && this.apiKey && typeof location !== 'undefined') {
      void import('./flow/key-warning.js').then(({ warnAboutKey }) => warnAboutKey(location.hostname));
    }
    const token = this.handoffToken;
    if (changed.has('handoffToken') && token) this.handoffLoader.claim(token);
    if (changed.has('sessionId') && this.sessionId) this.machine.dispatch({ type: 'session-provided', sessionId: this.sessionId });
    const documentType = DOCUMENT_TYPES.find((type) => type === this.documentType);
    if (changed.has('documentType') && documentType) this.machine.dispatch({ type: 'document-type-changed', documentType });
    // The chunks' styles as soon as they arrive (the capture steps' while the intro waits: the tap on "Start" then
    // does not wait on the restyle).
    const chunkStyles = [this.capture.styles, this.handoffLoader.styles].filter((sheet) => sheet !== null);
    if (chunkStyles.length > this.chunkStyles) {
      adoptStyles(this.renderRoot as ShadowRoot, [...(this.constructor as typeof EkycFlow).elementStyles, ...chunkStyles]);
      this.chunkStyles = chunkStyles.length;
    }
    const state = this.machine.state;
    showStates(this.internals, isCaptureState(state) && state.review ? [state.step, 'review'] : [state.step]);
  }

  /** Also waits for a language on its way: once settled, the text is in the language asked for. */
  protected override getUpdateComplete(): Promise<boolean> {
    return this.language.settled(() => super.getUpdateComplete());
  }

  /** The settings as the flow checks them; `lang` is the element's own, or the language it follows. */
  private get settings(): ElementSettings {
    const { apiBase, sessionId, apiKey, apiKind, documentType, flow, livenessChallenge, credentials } = this;
    return { apiBase, sessionId, apiKey, apiKind, documentType, flow, livenessChallenge, credentials, lang: this.lang || this.language.value };
  }

  private get api(): ApiConfig {
    const { apiKey, apiKind: audience, credentials, headers } = this;
    const handoff = Boolean(this.handoffUrl || this.handoffToken);
    return { apiBase: this.apiBase ?? '', apiKey, timeoutMs: this.requestTimeout, credentials, headers, audience, handoff };
  }

  /** "Continue on my phone" is offered: the page gave a link for the phone and a session, and this is no phone. */
  private get offersHandoff(): boolean {
    return Boolean(this.handoffUrl && this.sessionId && !this.handoffToken);
  }

  /** The phone runs the computer's check: its session and settings. */
  private beginOnPhone({ sessionId, settings }: ClaimedHandoff): void {
    Object.assign(this, { sessionId, ...settings });
    this.start();
  }

  /** `assets-base`, or the `ekyc-assets/` folder next to this module. */
  private get resolvedAssetsBase(): string {
    const base = this.assetsBase ?? new URL('./ekyc-assets/', import.meta.url).href;
    return base.endsWith('/') ? base : `${base}/`;
  }

  private focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('#heading')?.focus();
  }

  private readonly t: Translate = (key, values) => translate(this.language.value, key, this.strings, values);

  private readonly onStart = (): void => this.start();
  private readonly onHandoff = (): void => this.handoff();
  private readonly onCancel = (): void => this.cancel();
  private readonly onRetry = (): void => this.machine.dispatch({ type: 'retry' });
  private readonly onLoadCapture = (): void => {
    this.capture.load();
    this.requestUpdate();
  };

  private screen(state: FlowState) {
    const { t, capture, onStart, onRetry, onCancel, onLoadCapture } = this;
    const onHandoff = this.offersHandoff ? this.onHandoff : undefined;
    const notice = this.handoffLoader.controller?.notice;
    const { controller, views } = capture;
    return renderScreen(state, {
      ...{ t, onStart, onHandoff, onRetry, onCancel, onLoadCapture, needsSelfie: this.flow !== 'ocr-only', notice: notice && t(notice) },
      capture: controller && views && ((step) => views.renderCaptureStep(t, step, controller.screen(step), this.allowUpload, onHandoff)),
      done: views && ((done) => views.renderDone(t, done)),
      captureFailed: capture.state === 'failed',
    });
  }

  override render() {
    const state = this.machine.state;
    const t = this.t;
    const handoff = this.handoffLoader.render(t, Boolean(this.handoffToken));
    return html`<div part="container" class="container" lang=${this.language.drawn}>
      ${handoff ?? html`${renderProgress(t, state)} ${this.screen(state)}`}
      <div class="sr-only" role="status" aria-live="polite">${announcement(t, state, this.capture.views?.captureSpeech(t, state, this.capture.controller?.speech))}</div>
    </div>`;
  }
}
