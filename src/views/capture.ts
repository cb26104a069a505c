import { html, nothing } from 'lit';
import { ref } from 'lit/directives/ref.js';
import type { CameraErrorCode } from '../camera/camera-errors.js';
import type { CaptureScreen, GuidanceHint } from '../flow/capture-screen.js';
import type { CaptureState } from '../flow/types.js';
import { isStringKey } from '../i18n/localize.js';
import { errorKey, heading, stepTitle, type Translate } from './common.js';
import { streamPreview } from './stream-preview.js';

/** A capture step: the flow's state, and what the capture controllers supply (the camera, guidance, handlers, refs). */
export interface CaptureView extends CaptureScreen {
  t: Translate;
  state: CaptureState;
  allowUpload: boolean;
  /** With `handoff-url`: the way on when this device's camera fails. */
  onHandoff?: (() => void) | undefined;
}

function hintText(t: Translate, hint: GuidanceHint | null, selfie: boolean): string {
  if (hint && isStringKey(hint)) return t(hint);
  return t(selfie ? 'hint.selfie.manual' : 'hint.document.manual');
}

function renderCameraProblem({ t, allowUpload, on, onHandoff }: CaptureView, code: CameraErrorCode) {
  return html`<div class="actions">
    <p class="error-message" role="alert">${t(`error.${code}`)}</p>
    ${code !== 'camera-unavailable'
      ? html`<button part="retry-button" type="button" @click=${on.retryCamera}>${t('action.retry-camera')}</button>`
      : nothing}
    ${allowUpload
      ? html`<button part="upload-button" class="primary" type="button" @click=${on.upload}>${t('action.upload')}</button>`
      : nothing}
    ${onHandoff && (code === 'camera-denied' || code === 'camera-unavailable')
      ? html`<button part="handoff-button" class="primary" type="button" @click=${onHandoff}>${t('handoff.start')}</button>`
      : nothing}
  </div>`;
}

function renderViewfinder(view: CaptureView) {
  const { t, state, camera, on, refs } = view;
  const selfie = state.step === 'selfie';
  return html`<div part="viewfinder" class="viewfinder ${selfie ? 'selfie' : 'document'}" ${ref(refs.viewfinder)}>
      <video
        part="video"
        class=${selfie ? 'mirrored' : ''}
        ${streamPreview(camera.stream)}
        ${ref(refs.video)}
        @loadeddata=${on.previewReady}
        @playing=${on.previewReady}
        @resize=${on.previewReady}
        autoplay
        muted
        playsinline
        aria-label=${t(selfie ? 'camera.preview.selfie' : 'camera.preview.document')}
      ></video>
      <div part="frame" class="frame ${view.guide}" ?data-ready=${view.frameReady}></div>
      <p part="hint" class="hint">${view.ready ? hintText(t, view.hint, selfie) : t('camera.starting')}</p>
      <div class="camera-tools">
        ${camera.devices.length > 1
          ? html`<button part="switch-camera-button" class="icon" type="button" @click=${on.switchCamera}>${t('action.switch-camera')}</button>`
          : nothing}
        ${camera.torchSupported
          ? html`<button part="torch-button" class="icon" type="button" aria-pressed=${camera.torchOn ? 'true' : 'false'} @click=${on.torch}>
              ${t(camera.torchOn ? 'action.torch-off' : 'action.torch-on')}
            </button>`
          : nothing}
      </div>
    </div>
    <div class="actions">
      <button part="capture-button" class="primary" type="button" ?disabled=${!view.ready || state.capturing} @click=${on.capture}>
        ${t('action.capture')}
      </button>
      ${view.allowUpload ? html`<button part="upload-button" type="button" @click=${on.upload}>${t('action.upload')}</button>` : nothing}
    </div>`;
}

/** A capture step: the live preview with its guide and hint, or what is wrong with the camera; and the way to upload. */
export function renderCapture(view: CaptureView) {
  const { t, state, camera, on } = view;
  const notice = state.notice;
  const selfie = state.step === 'selfie';
  return html`<section part="capture" aria-labelledby="heading">
    ${heading(t, stepTitle(t, state.step, state.config.documentType), on.cancel)}
    <p>${t(selfie ? 'step.selfie.instructions' : 'step.document.instructions')}</p>
    ${notice
      ? html`<p part="notice" class="notice">${notice.serverMessage ?? t(errorKey(notice.code, state.config.documentType))}</p>`
      : nothing}
    ${camera.status === 'error' && camera.error ? renderCameraProblem(view, camera.error) : renderViewfinder(view)}
    ${view.allowUpload
      ? html`<input type="file" accept="image/*" tabindex="-1" aria-hidden="true" ${ref(view.refs.fileInput)} @change=${on.fileChosen} />`
      : nothing}
  </section>`;
}
