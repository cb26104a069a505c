// What a capture step's screen shows besides the flow's state, and what its controls do: the capture controllers
// supply it, the views draw it. Shapes only, so that neither side imports the other.
import type { Ref } from 'lit/directives/ref.js';
import type { CameraController } from '../camera/camera-controller.js';
import type { StringKey } from '../i18n/localize.js';

/** What guidance says about the latest frame: a hint's text key, e.g. `hint.selfie.too-far`. */
export type GuidanceHint = `hint.selfie.${string}` | `hint.document.${string}`;

/** The guide drawn over the preview: a card, a passport's page, or a face oval. */
export type GuideShape = 'card' | 'passport' | 'face';

/** What the review says about a photo: each check in words, and whether it can be used. `null`: not checked here. */
export interface ReviewSummary {
  findings: StringKey[];
  ok: boolean;
}

export interface CaptureHandlers {
  capture: () => void;
  upload: () => void;
  fileChosen: (event: Event) => void;
  switchCamera: () => void;
  torch: () => void;
  retryCamera: () => void;
  previewReady: (event: Event) => void;
  cancel: () => void;
  retake: () => void;
  confirm: () => void;
}

/** Where the screen's elements go (`${ref(...)}`): the controllers that read them hold these. */
export interface CaptureRefs {
  /** The preview's `<video>`: told as it appears, comes back into the page, or leaves. */
  video: (element?: Element) => void;
  /** The preview's box, whose size places the guide. */
  viewfinder: Ref<HTMLElement>;
  /** The hidden file input that "Upload a photo" opens. */
  fileInput: Ref<HTMLInputElement>;
  /** The canvas the photo under review is drawn on: told as it appears or leaves. */
  reviewImage: (element?: Element) => void;
}

/** What the live region says on a capture step, besides the flow's state. */
export interface CaptureSpeech {
  /** The hint as last announced to assistive technology. */
  spokenHint: GuidanceHint | null;
  /** What the checks found on the photo under review; `null`: none under review, or not checked on the device. */
  summary: ReviewSummary | null;
}

/** A capture step's screen, as the capture controllers see it. */
export interface CaptureScreen {
  camera: Pick<CameraController, 'status' | 'error' | 'stream' | 'devices' | 'torchSupported' | 'torchOn'>;
  /** The preview shows the camera's frames. */
  ready: boolean;
  /** What guidance says about the latest frame; `null`: the photo is taken by hand. */
  hint: GuidanceHint | null;
  /** Every check passes: the frame turns to its ready colour. */
  frameReady: boolean;
  guide: GuideShape;
  /** What the checks found on the photo under review, in words; `null`: not checked on the device, or no review. */
  summary: ReviewSummary | null;
  on: CaptureHandlers;
  refs: CaptureRefs;
}
