import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { live } from 'lit/directives/live.js';
import { DOCUMENT_TYPES, type ApiConfig, type ApiCredentials, type HostHeaders } from './api/types.js';
import { CameraController } from './camera/camera-controller.js';
import type { CameraErrorCode } from './camera/camera-errors.js';
import type { EncodedImage } from './capture/encode.js';
import { expandRect, guideInView, viewToSource, type GuideShape, type Rect } from './capture/geometry.js';
import { checkSettings, keyExposureWarning } from './flow/config.js';
import { unreachedFailure } from './flow/failures.js';
import { initialState, isCaptureStep, sideOfStep, transition, type FlowEvent } from './flow/machine.js';
import type { CaptureSide, FlowState, Step } from './flow/types.js';
import { createEkycEvent, type EkycCompleteDetail, type EkycEmission } from './events.js';
import { GuidanceController } from './guidance/guidance-controller.js';
import type { GuidanceUpdate } from './guidance/types.js';
import { isStringKey, normaliseLang, translate, type EkycStrings, type Lang, type StringKey } from './i18n/localize.js';
import { styles } from './styles/ekyc-flow.styles.js';
import { renderProgress } from './views/progress.js';

type CaptureStep = 'document-front' | 'document-back' | 'selfie';

// The first bundle holds the element and the intro: the API calls and the JPEG encoder load when the flow starts.
const loadRunner = () => import('./flow/api-runner.js');
const loadEncoder = () => import('./capture/encode.js');

/**
 * Runs a complete identity check in the page: the document's front and back,
 * then a selfie, checked on the device and sent to the FPT.AI eKYC API.
 *
 * @summary An eKYC capture flow: document front → back → selfie → result.
 *
 * @fires {CustomEvent<EkycStartDetail>} ekyc-start - The flow has a session. Detail: `EkycStartDetail`.
 * @fires {CustomEvent<EkycStepDetail>} ekyc-step - The screen changed. Detail: `EkycStepDetail`.
 * @fires {CustomEvent<EkycCaptureDetail>} ekyc-capture - The user confirmed a photo. Detail: `EkycCaptureDetail` (the JPEG `Blob`).
 * @fires {CustomEvent<EkycOcrDetail>} ekyc-ocr - The API read a side of the document. Detail: `EkycOcrDetail`.
 * @fires {CustomEvent<EkycFaceDetail>} ekyc-face - The API checked the selfie. Detail: `EkycFaceDetail`.
 * @fires {CustomEvent<EkycCompleteDetail>} ekyc-complete - The check is over. Detail: `EkycCompleteDetail`.
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
 * @csspart capture-button - Takes the photo.
 * @csspart retake-button - Discards the photo under review.
 * @csspart confirm-button - Keeps the photo under review.
 * @csspart upload-button - Offers a file instead of the camera.
 * @csspart switch-camera-button - Moves to the next camera.
 * @csspart torch-button - Turns the light on and off.
 * @csspart start-button - Starts the flow.
 * @csspart retry-button - Tries again after an error.
 * @csspart cancel-button - Cancels the flow.
 * @csspart processing - The waiting screen.
 * @csspart result - The final screen.
 * @csspart error - The error screen.
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
    strings: { attribute: false },
    _flow: { state: true, attribute: false },
    _capturing: { state: true, attribute: false },
    _previewStream: { state: true, attribute: false },
    _configMessage: { state: true, attribute: false },
    _uploadError: { state: true, attribute: false },
    _reviewWarning: { state: true, attribute: false },
  };

  /** Base URL of the API, or of your proxy. */
  declare apiBase: string | undefined;
  /** A session your server created with `POST /session/init` (recommended: the key stays on the server). */
  declare sessionId: string | undefined;
  /** Development only: with a key, the element creates its sessions itself. Never ship a key to browsers. */
  declare apiKey: string | undefined;
  /** Sent as `client_uuid` when the element creates a session. */
  declare clientUuid: string | undefined;
  /** `idr` (identity card), `passport` or `dlr` (driving licence). Changed mid-flow, the document steps start over. */
  declare documentType: string;
  /** `full`, or `ocr-only` (no selfie). */
  declare flow: string;
  /** `vi` or `en`: the element's text and the API's `lang`. */
  declare lang: string;
  /** Skip the intro screen. */
  declare autostart: boolean;
  /** Never take photos automatically. */
  declare manualCapture: boolean;
  /** Offer "upload a photo instead"; also the way out when there is no camera. */
  declare allowUpload: boolean;
  /** `none`, or `turn-head`: an on-device head turn before the selfie. */
  declare livenessChallenge: string;
  /** Where the MediaPipe files and the face model are served from (default: next to the module). */
  declare assetsBase: string | undefined;
  /** Time limit of each API request, in milliseconds. */
  declare requestTimeout: number;
  /** Your own text for any key, in the current `lang`. */
  declare strings: Partial<EkycStrings> | undefined;
  /** Cookies with each call: `omit`, `same-origin` (default) or `include` (your server on another site). */
  declare credentials: string | undefined;
  /**
   * Your own headers for each call to your server (`authorization`, a CSRF token), or a
   * function that returns them (possibly a promise), asked before every call. Never put in
   * an event, never logged.
   */
  headers: HostHeaders | undefined;

  declare private _flow: FlowState;
  declare private _capturing: boolean;
  /** The stream whose frames the preview shows, once it shows them. */
  declare private _previewStream: MediaStream | null;
  declare private _configMessage: string | null;
  declare private _uploadError: boolean;
  declare private _reviewWarning: 'not-a-front' | null;

  private readonly camera = new CameraController(this);
  private readonly guidance = new GuidanceController(this, {
    onFire: (update) => void this.capture(true, update),
    onDetectorUnavailable: () => {
      this.emit({
        name: 'ekyc-error',
        detail: { code: 'detector-unavailable', message: this.t('error.detector-unavailable'), step: this._flow.step, recoverable: true },
      });
    },
  });
  private abort: AbortController | null = null;
  private reportedCameraError: CameraErrorCode | null = null;
  private lastCaptureStep: CaptureStep | null = null;
  private focusPending = false;
  private warnedAboutKey = false;

  constructor() {
    super();
    this.documentType = 'idr';
    this.flow = 'full';
    this.lang = 'vi';
    this.autostart = false;
    this.manualCapture = false;
    this.allowUpload = false;
    this.livenessChallenge = 'none';
    this.requestTimeout = 30_000;
    this._flow = initialState();
    this._capturing = false;
    this._previewStream = null;
    this._configMessage = null;
    this._uploadError = false;
    this._reviewWarning = null;
  }

  /** The current screen. */
  get step(): Step {
    return this._flow.step;
  }

  /** What `ekyc-complete` carried, once the flow is done; otherwise `null`. */
  get result(): EkycCompleteDetail | null {
    const { step, sessionId, ocr, face } = this._flow;
    if (step !== 'done' || sessionId === null || !ocr.front) return null;
    return {
      sessionId,
      ocr: { fields: { ...ocr.front.fields, ...ocr.back?.fields }, front: ocr.front.response, back: ocr.back?.response ?? null },
      face,
    };
  }

  /** Starts the flow (what the intro's button does). */
  start(): void {
    const checked = checkSettings(this);
    if (!checked.ok) {
      this._configMessage = checked.message;
      this.dispatch({ type: 'config-error', message: checked.message });
      return;
    }
    this._configMessage = null;
    this.focusPending = true;
    void loadRunner().catch(() => undefined);
    void loadEncoder().catch(() => undefined);
    this.dispatch({ type: 'start', config: checked.config, sessionId: checked.sessionId });
    this.guidance.preload(this.resolvedAssetsBase);
  }

  /** `assets-base`, or the `ekyc-assets/` folder next to this module. */
  private get resolvedAssetsBase(): string {
    const base = this.assetsBase ?? new URL('./ekyc-assets/', import.meta.url).href;
    return base.endsWith('/') ? base : `${base}/`;
  }

  /** Back to the intro, dropping every capture. */
  reset(): void {
    this.abort?.abort();
    this.dispatch({ type: 'reset' });
  }

  /** Stops the flow; fires `ekyc-cancel`. */
  cancel(): void {
    this.abort?.abort();
    this.dispatch({ type: 'cancel' });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Back in the page (a route change): what the step needs, the camera above all, is set up again on update.
    if (this.hasUpdated) this.requestUpdate();
    const { step, work } = this._flow;
    if (step === 'processing' && work) this.run(work);
    else if (this.autostart && step === 'intro') queueMicrotask(() => { this.start(); });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.abort?.abort();
    this.abort = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('apiKey')) this.warnAboutKey();
    if (changed.has('sessionId') && this.sessionId && this._flow.step !== 'intro') {
      this.dispatch({ type: 'session-provided', sessionId: this.sessionId });
    }
    if (changed.has('documentType')) this.documentTypeChanged();
    const review = this._flow.review;
    const reviewChanged = changed.has('_flow' as keyof EkycFlow) && (changed.get('_flow' as keyof EkycFlow) as FlowState | undefined)?.review !== review;
    if (reviewChanged) {
      this._reviewWarning = null;
      this.focusPending = true;
    }
    // Before rendering, so that what the camera does at once (stopping, starting) shows in this update, not the next.
    this.syncCamera();
  }

  protected override updated(changed: PropertyValues<this>): void {
    const previous = changed.get('_flow' as keyof EkycFlow) as FlowState | undefined;
    if (previous && previous.step !== this._flow.step) this.focusPending = true;
    if (previous && previous.review !== this._flow.review) void this.drawReview();
    this.syncVideoAspect();
    this.syncGuidance();
    this.reportCameraError();
    if (this.focusPending && this._flow.step !== 'intro') {
      this.focusPending = false;
      this.renderRoot.querySelector<HTMLElement>('#heading')?.focus();
    }
  }

  private get uiLang(): Lang {
    return normaliseLang(this.lang) ?? 'vi';
  }

  private t(key: StringKey, values?: Record<string, string | number>): string {
    return translate(this.uiLang, key, this.strings, values);
  }

  /** Another document mid-flow: its steps start over, and the call under way is abandoned. */
  private documentTypeChanged(): void {
    const documentType = DOCUMENT_TYPES.find((type) => type === this.documentType);
    if (!documentType || documentType === this._flow.config.documentType) return;
    if (this._flow.step === 'processing') this.abort?.abort();
    this.dispatch({ type: 'document-type-changed', documentType });
  }

  private warnAboutKey(): void {
    if (!this.apiKey || this.warnedAboutKey || typeof location === 'undefined') return;
    const warning = keyExposureWarning(location.hostname);
    if (!warning) return;
    this.warnedAboutKey = true;
    console.warn(warning);
  }

  private dispatch(event: FlowEvent): void {
    const { state, effects } = transition(this._flow, event);
    this._flow = state;
    const step = sideOfStep(state.step);
    if (step) this.lastCaptureStep = state.step as CaptureStep;
    for (const effect of effects) {
      if (effect.type === 'emit') this.emit(effect.emission);
      else this.run(effect.work);
    }
  }

  private emit(emission: EkycEmission): void {
    if (!this.isConnected) return;
    if (emission.name === 'ekyc-error' && !emission.detail.message) {
      // No words from the server: the host gets what the user reads.
      emission = { name: 'ekyc-error', detail: { ...emission.detail, message: this.t(`error.${emission.detail.code}`) } };
    }
    this.dispatchEvent(createEkycEvent(emission.name, emission.detail));
  }

  private run(work: FlowState['work'] & string): void {
    this.abort?.abort();
    const controller = new AbortController();
    this.abort = controller;
    const api: ApiConfig = {
      apiBase: this.apiBase ?? '',
      apiKey: this.apiKey,
      timeoutMs: this.requestTimeout,
      credentials: this.credentials as ApiCredentials | undefined,
      headers: this.headers,
    };
    const state = this._flow;
    const context = { api, lang: this.uiLang, clientUuid: this.clientUuid, signal: controller.signal };
    void loadRunner()
      .then(
        ({ runWork }) => runWork(work, state, context),
        // The script that makes the calls could not load: as for a call that could not reach the API.
        (): FlowEvent => ({ type: 'work-failed', work, failure: unreachedFailure() }),
      )
      .then((event) => {
        if (event && !controller.signal.aborted && this.isConnected) this.dispatch(event);
      });
  }

  private get currentSide(): CaptureSide | null {
    return sideOfStep(this._flow.step);
  }

  private syncCamera(): void {
    const side = this.currentSide;
    if (side && !this._flow.review && this.isConnected) this.camera.want(side === 'selfie' ? 'user' : 'environment');
    else this.camera.release();
  }

  private reportCameraError(): void {
    const code = this.camera.status === 'error' ? this.camera.error : null;
    if (code === this.reportedCameraError) return;
    this.reportedCameraError = code;
    if (!code) return;
    this.emit({
      name: 'ekyc-error',
      detail: { code, message: this.t(`error.${code}`), step: this._flow.step, recoverable: true },
    });
  }

  private guideShape(side: CaptureSide): GuideShape {
    if (side === 'selfie') return 'face';
    return this._flow.config.documentType === 'passport' ? 'passport' : 'card';
  }

  private readonly onCapture = (): void => {
    void this.capture(false);
  };

  /** Takes the photo: from the live preview, or from the frame guidance picked (the sharpest). */
  private async capture(auto: boolean, update?: GuidanceUpdate): Promise<void> {
    const side = this.currentSide;
    const video = this.renderRoot.querySelector('video');
    if (!side || !video || this._capturing || this._flow.review || video.videoWidth === 0) {
      update?.frame?.close();
      return;
    }
    this._capturing = true;
    try {
      const { encodeJpeg } = await loadEncoder();
      let encoded: EncodedImage;
      if (side === 'selfie') {
        encoded = await encodeJpeg(video, { maxLongSide: 1280 });
      } else if (update?.frame && update.crop) {
        encoded = await encodeJpeg(update.frame, { crop: update.crop, maxLongSide: 1600 });
      } else {
        const guide = this.guideInVideo(video, side);
        if (!guide) return;
        encoded = await encodeJpeg(video, { crop: expandRect(guide, 0.06), maxLongSide: 1600 });
      }
      const capture = { side, ...encodedCapture(encoded), auto, quality: update?.quality ?? null, source: 'camera' as const };
      this.dispatch({ type: 'captured', capture });
      if (side === 'front') void this.checkPortrait(capture.image);
    } finally {
      update?.frame?.close();
      this._capturing = false;
    }
  }

  /** The guide frame as drawn, in the video's own pixels. */
  private guideInVideo(video: HTMLVideoElement, side: CaptureSide): Rect | null {
    const viewfinder = this.renderRoot.querySelector('.viewfinder');
    if (!viewfinder || video.videoWidth === 0) return null;
    const view = viewfinder.getBoundingClientRect();
    if (view.width === 0 || view.height === 0) return null;
    return viewToSource(guideInView(this.guideShape(side), view.width, view.height), view, {
      width: video.videoWidth,
      height: video.videoHeight,
    });
  }

  /** A document front carries a portrait: warn before uploading when the detector sees none. */
  private async checkPortrait(image: Blob): Promise<void> {
    const detector = await this.guidance.detector();
    if (!detector) return;
    const { frontHasPortrait } = await import('./face/portrait.js');
    const hasPortrait = await frontHasPortrait(detector, image).catch(() => true);
    if (hasPortrait || this._flow.review?.image !== image) return;
    this._reviewWarning = 'not-a-front';
    this.emit({
      name: 'ekyc-error',
      detail: { code: 'not-a-front', message: this.notAFrontText(), step: this._flow.step, recoverable: true },
    });
  }

  /** A passport has no back: its warning only says that no portrait was found. */
  private notAFrontText(): string {
    return this.t(this._flow.config.documentType === 'passport' ? 'error.not-a-front.passport' : 'error.not-a-front');
  }

  private syncGuidance(): void {
    const side = this.currentSide;
    const video = this.renderRoot.querySelector('video');
    const stream = this.camera.stream;
    const watching = side && video && stream && !this._flow.review && this._previewStream === stream && !this._capturing;
    const guide = watching ? this.guideInVideo(video, side) : null;
    if (!watching || !guide) {
      this.guidance.sync(null);
      return;
    }
    this.guidance.sync({
      key: [this._flow.step, stream.id, guide.x, guide.y, guide.width, guide.height].map((v) => (typeof v === 'number' ? Math.round(v) : v)).join(' '),
      kind: side === 'selfie' ? 'selfie' : 'document',
      video,
      guide,
      challenge: this.livenessChallenge === 'turn-head' ? 'turn-head' : 'none',
      autoCapture: !this.manualCapture,
    });
  }

  private readonly onPreviewReady = (event: Event): void => {
    const video = event.target as HTMLVideoElement;
    this._previewStream = video.videoWidth > 0 && video.srcObject instanceof MediaStream ? video.srcObject : null;
  };

  private readonly onUploadClick = (): void => {
    this.renderRoot.querySelector<HTMLInputElement>('input[type=file]')?.click();
  };

  private readonly onFileChosen = async (event: Event): Promise<void> => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    const side = this.currentSide;
    if (!file || !side) return;
    this._uploadError = false;
    try {
      const { encodeUpload } = await loadEncoder();
      const encoded = await encodeUpload(file, { maxLongSide: 1600 });
      this.dispatch({ type: 'captured', capture: { side, ...encodedCapture(encoded), auto: false, quality: null, source: 'upload' } });
      if (side === 'front') void this.checkPortrait(encoded.blob);
    } catch {
      this._uploadError = true;
      this.emit({
        name: 'ekyc-error',
        detail: { code: 'upload-unreadable', message: this.t('error.upload-unreadable'), step: this._flow.step, recoverable: true },
      });
    }
  };

  private readonly onRetake = (): void => {
    this.dispatch({ type: 'retake' });
  };

  private readonly onConfirm = (): void => {
    this.dispatch({ type: 'confirm' });
  };

  private readonly onRetry = (): void => {
    this.focusPending = true;
    if (this._flow.error?.retry === 'restart') this.reset();
    else this.dispatch({ type: 'retry' });
  };

  private readonly onStart = (): void => {
    this.start();
  };

  private readonly onCancel = (): void => {
    this.cancel();
  };

  private readonly onSwitchCamera = (): void => {
    this.camera.switchCamera();
  };

  private readonly onTorch = (): void => {
    void this.camera.setTorch(!this.camera.torchOn);
  };

  private readonly onRetryCamera = (): void => {
    this.camera.retry();
  };

  private heading(text: string, withCancel: boolean) {
    return html`<header part="header">
      <h2 id="heading" part="heading" tabindex="-1">${text}</h2>
      ${withCancel
        ? html`<button part="cancel-button" class="link" type="button" @click=${this.onCancel}>${this.t('action.cancel')}</button>`
        : nothing}
    </header>`;
  }

  private stepTitle(step: CaptureStep): string {
    const documentType = this._flow.config.documentType;
    if (step === 'selfie') return this.t('step.selfie.title');
    if (step === 'document-front' && documentType === 'passport') return this.t('step.document-front.title.passport');
    return this.t(`step.${step}.title`, { document: this.t(`document.${documentType}`) });
  }

  private renderIntro() {
    const config = checkSettings(this);
    const needsSelfie = !config.ok || config.config.flow === 'full';
    return html`<section part="intro" aria-labelledby="heading">
      ${this.heading(this.t('intro.title'), false)}
      <slot name="intro">
        <p>${this.t('intro.body')}</p>
        <ul class="needs">
          <li>${this.t('intro.need.document')}</li>
          <li>${this.t('intro.need.light')}</li>
          ${needsSelfie ? html`<li>${this.t('intro.need.face')}</li>` : nothing}
        </ul>
        <p class="muted">${this.t('intro.privacy')}</p>
      </slot>
      <div class="actions">
        <button part="start-button" class="primary" type="button" @click=${this.onStart}>${this.t('intro.start')}</button>
      </div>
    </section>`;
  }

  private renderNotice() {
    const notice = this._flow.notice;
    if (!notice && !this._uploadError) return nothing;
    const text = notice ? (notice.serverMessage ?? this.t(`error.${notice.code}`)) : this.t('error.upload-unreadable');
    return html`<p part="notice" class="notice">${text}</p>`;
  }

  private renderUploadInput() {
    if (!this.allowUpload) return nothing;
    return html`<input type="file" accept="image/*" tabindex="-1" aria-hidden="true" @change=${this.onFileChosen} />`;
  }

  private renderCameraProblem(code: CameraErrorCode) {
    return html`<div class="actions">
      <p class="error-message" role="alert">${this.t(`error.${code}`)}</p>
      ${code !== 'camera-unavailable'
        ? html`<button part="retry-button" type="button" @click=${this.onRetryCamera}>${this.t('action.retry-camera')}</button>`
        : nothing}
      ${this.allowUpload
        ? html`<button part="upload-button" class="primary" type="button" @click=${this.onUploadClick}>${this.t('action.upload')}</button>`
        : nothing}
    </div>`;
  }

  private renderCapture(step: CaptureStep) {
    const side = sideOfStep(step) ?? 'front';
    const selfie = side === 'selfie';
    const camera = this.camera;
    const ready = camera.status === 'live' && camera.stream !== null && this._previewStream === camera.stream;
    const hint = !ready ? this.t('camera.starting') : this.hintText(selfie);
    return html`<section part="capture" aria-labelledby="heading">
      ${this.heading(this.stepTitle(step), true)}
      <p>${this.t(selfie ? 'step.selfie.instructions' : 'step.document.instructions')}</p>
      ${this.renderNotice()}
      ${camera.status === 'error' && camera.error
        ? this.renderCameraProblem(camera.error)
        : html`<div part="viewfinder" class="viewfinder ${selfie ? 'selfie' : 'document'}">
              <video
                part="video"
                class=${selfie ? 'mirrored' : ''}
                .srcObject=${live(camera.stream)}
                @loadeddata=${this.onPreviewReady}
                @resize=${this.onPreviewReady}
                autoplay
                muted
                playsinline
                aria-label=${this.t(selfie ? 'camera.preview.selfie' : 'camera.preview.document')}
              ></video>
              <div part="frame" class="frame ${this.guideShape(side)}" ?data-ready=${this.guidance.ready}></div>
              <p part="hint" class="hint">${hint}</p>
              <div class="camera-tools">
                ${camera.devices.length > 1
                  ? html`<button part="switch-camera-button" class="icon" type="button" @click=${this.onSwitchCamera}>
                      ${this.t('action.switch-camera')}
                    </button>`
                  : nothing}
                ${camera.torchSupported
                  ? html`<button part="torch-button" class="icon" type="button" aria-pressed=${camera.torchOn ? 'true' : 'false'} @click=${this.onTorch}>
                      ${this.t(camera.torchOn ? 'action.torch-off' : 'action.torch-on')}
                    </button>`
                  : nothing}
              </div>
            </div>
            <div class="actions">
              <button part="capture-button" class="primary" type="button" ?disabled=${!ready || this._capturing} @click=${this.onCapture}>
                ${this.t('action.capture')}
              </button>
              ${this.allowUpload
                ? html`<button part="upload-button" type="button" @click=${this.onUploadClick}>${this.t('action.upload')}</button>`
                : nothing}
            </div>`}
      ${this.renderUploadInput()}
    </section>`;
  }

  /**
   * Shows the photo under review on a canvas: no `blob:` URL to allow in a
   * Content-Security-Policy, and nothing to revoke.
   */
  private async drawReview(): Promise<void> {
    const review = this._flow.review;
    if (!review) return;
    const bitmap = await createImageBitmap(review.image);
    try {
      const canvas = this.renderRoot.querySelector<HTMLCanvasElement>('canvas[part="review-image"]');
      if (!canvas || this._flow.review !== review) return;
      canvas.width = bitmap.width;
      canvas.height = bitmap.height;
      canvas.getContext('2d')?.drawImage(bitmap, 0, 0);
    } finally {
      bitmap.close();
    }
  }

  /**
   * Documents are framed in the camera's own shape, so that no pixel of the card is cropped away.
   * Set through the CSSOM: an inline `style` attribute is what a strict Content-Security-Policy refuses.
   */
  private syncVideoAspect(): void {
    const viewfinder = this.renderRoot.querySelector<HTMLElement>('.viewfinder');
    const video = viewfinder?.querySelector('video');
    if (!viewfinder) return;
    if (video && video.videoWidth > 0) viewfinder.style.setProperty('--_video-aspect', `${video.videoWidth} / ${video.videoHeight}`);
    else viewfinder.style.removeProperty('--_video-aspect');
  }

  private hintText(selfie: boolean): string {
    const hint = this.guidance.hint;
    if (hint && isStringKey(hint)) return this.t(hint);
    return this.t(selfie ? 'hint.selfie.manual' : 'hint.document.manual');
  }

  private renderReview(step: CaptureStep) {
    const side = sideOfStep(step) ?? 'front';
    return html`<section part="review" class="review" aria-labelledby="heading">
      ${this.heading(this.t('step.review.title'), true)}
      <p>${this.t(side === 'selfie' ? 'step.review.selfie' : 'step.review.document')}</p>
      ${this._reviewWarning ? html`<p part="notice" class="notice" role="alert">${this.notAFrontText()}</p>` : nothing}
      <canvas part="review-image" role="img" aria-label=${this.t(`review.alt.${side}`)}></canvas>
      <div class="actions">
        <button part="retake-button" type="button" @click=${this.onRetake}>${this.t('action.retake')}</button>
        <button part="confirm-button" class="primary" type="button" @click=${this.onConfirm}>${this.t('action.confirm')}</button>
      </div>
    </section>`;
  }

  private renderProcessing() {
    const work = this._flow.work;
    const message =
      work === 'init' ? 'step.processing.init' : work === 'face' ? 'step.processing.face' : 'step.processing.ocr';
    return html`<section part="processing" aria-labelledby="heading" aria-busy="true">
      ${this.heading(this.t('step.processing.title'), true)}
      <div class="spinner" aria-hidden="true"></div>
      <p>${this.t(message)}</p>
    </section>`;
  }

  private renderDone() {
    const result = this.result;
    const fields = result ? ['Name', 'ID', 'Date of birth'].flatMap((key) => result.ocr.fields[key] ?? []) : [];
    return html`<section part="result" aria-labelledby="heading">
      ${this.heading(this.t('step.done.title'), false)}
      <slot name="done">
        <p>${this.t('step.done.body')}</p>
        ${fields.length > 0
          ? html`<dl class="fields" aria-label=${this.t('result.fields')}>
              ${fields.map((field) => html`<dt>${field.name}</dt><dd>${field.value ?? ''}</dd>`)}
              ${result?.face?.similarity != null
                ? html`<dt>${this.t('result.similarity')}</dt><dd>${result.face.similarity.toFixed(1)} %</dd>`
                : nothing}
            </dl>`
          : nothing}
      </slot>
    </section>`;
  }

  private renderError() {
    const error = this._flow.error;
    if (!error) return nothing;
    const message = error.serverMessage ?? this.t(`error.${error.code}`);
    return html`<section part="error" aria-labelledby="heading">
      ${this.heading(this.t('step.error.title'), false)}
      <p class="error-message">${message}</p>
      ${error.code === 'bad-config' && this._configMessage ? html`<p class="muted">${this._configMessage}</p>` : nothing}
      ${error.retry === 'session' ? html`<p class="muted">${this.t('error.recoverable-later')}</p>` : nothing}
      <div class="actions">
        ${error.retry === 'work'
          ? html`<button part="retry-button" class="primary" type="button" @click=${this.onRetry}>${this.t('action.retry')}</button>`
          : html`<button part="retry-button" type="button" @click=${this.onRetry}>${this.t('action.restart')}</button>`}
      </div>
    </section>`;
  }

  private renderScreen() {
    const step = this._flow.step;
    switch (step) {
      case 'intro':
        return this.renderIntro();
      case 'document-front':
      case 'document-back':
      case 'selfie':
        return this._flow.review ? this.renderReview(step) : this.renderCapture(step);
      case 'processing':
        return this.renderProcessing();
      case 'done':
        return this.renderDone();
      case 'error':
        return this.renderError();
    }
  }

  private announcement(): string {
    const { step, notice, error, work } = this._flow;
    if (step === 'error' && error) return error.serverMessage ?? this.t(`error.${error.code}`);
    if (step === 'processing') return this.t(work === 'face' ? 'step.processing.face' : work === 'init' ? 'step.processing.init' : 'step.processing.ocr');
    if (notice) return notice.serverMessage ?? this.t(`error.${notice.code}`);
    if (step === 'done') return this.t('step.done.title');
    const spoken = this.guidance.spokenHint;
    if (isCaptureStep(step) && !this._flow.review && spoken && isStringKey(spoken)) return this.t(spoken);
    return '';
  }

  override render() {
    const { step, config } = this._flow;
    const showProgress = isCaptureStep(step) || step === 'processing';
    return html`<div part="container" class="container" lang=${this.uiLang}>
      ${showProgress ? renderProgress(config, step, this.lastCaptureStep, (key, values) => this.t(key, values)) : nothing}
      ${this.renderScreen()}
      <div class="sr-only" role="status" aria-live="polite">${this.announcement()}</div>
    </div>`;
  }
}

function encodedCapture(encoded: EncodedImage): { image: Blob; width: number; height: number } {
  return { image: encoded.blob, width: encoded.width, height: encoded.height };
}
