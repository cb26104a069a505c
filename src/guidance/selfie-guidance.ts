import type { FaceDetectorHandle } from '../face/detector/handle.js';
import type { GuidanceHint } from '../flow/capture-screen.js';
import type { FrameSample } from '../integrity/stream-watch.js';
import {
  checkSelfie,
  estimateYaw,
  headTurnHint,
  initialCaptureGate,
  initialHeadTurn,
  nextCaptureGate,
  nextHeadTurn,
  type OvalGuide,
} from '../face/index.js';
import { selfieDirection } from './directions.js';
import { startFrameLoop } from './frame-loop.js';
import type { Guidance, GuidanceUpdate } from './types.js';

export interface SelfieGuidanceOptions {
  video: HTMLVideoElement;
  detector: FaceDetectorHandle;
  /** The oval as drawn, in the video frame's normalised coordinates. */
  guide: OvalGuide;
  challenge: 'none' | 'turn-head';
  autoCapture: boolean;
  onUpdate(update: GuidanceUpdate): void;
  /** Detection failed several times in a row (a detector that died, say): the guidance has stopped. */
  onFailed(error: unknown): void;
}

/**
 * About 15 detections a second at most, what the capture gate is tuned for: more only spends a phone's battery.
 * (A little under 1000 / 15, so that every other frame of a 30 fps camera is taken despite timing jitter.)
 */
const MIN_DETECTION_INTERVAL_MS = 60;

/** Where the detector runs on the page's thread (no worker can), it takes at most this share of it: the preview and taps come first. */
const MAIN_THREAD_DETECTION_SHARE = 0.35;

const TURN_HINTS: Record<string, GuidanceHint> = {
  'look-straight': 'hint.selfie.off-centre',
  'turn-head': 'hint.selfie.turn-head',
  'turn-left': 'hint.selfie.turn-left',
  'turn-right': 'hint.selfie.turn-right',
  'look-back': 'hint.selfie.turn-back',
};

/**
 * Watches the selfie preview: exactly one face, in the oval, the right size;
 * with `turn-head`, a head turn and back first; then a few steady frames and
 * the photo is taken.
 */
export function startSelfieGuidance(options: SelfieGuidanceOptions): Guidance {
  const { video, detector, guide } = options;
  let gate = initialCaptureGate;
  let turn = initialHeadTurn;
  let fired = false;
  let stopped = false;

  const stop = startFrameLoop(video, async (now) => {
    let sample: FrameSample | undefined;
    const faces = await detector.detect(video, now, (signature) => {
      sample = { ...signature, at: now, width: video.videoWidth, height: video.videoHeight };
    });
    if (stopped) return;
    const frame = { width: video.videoWidth, height: video.videoHeight };
    const check = checkSelfie(faces, frame, { guide, mirrored: true });
    if (options.challenge === 'turn-head' && turn.stage !== 'passed') {
      const yaw = check.face ? estimateYaw(check.face, frame) : null;
      turn = nextHeadTurn(turn, faces.length === 1 ? yaw : null);
      const hint = headTurnHint(turn);
      if (turn.stage !== 'passed' && check.hint !== 'no-face' && check.hint !== 'multiple-faces') {
        options.onUpdate({ hint: TURN_HINTS[hint] ?? 'hint.selfie.turn-head', ready: false, fire: false, quality: null, sample });
        return;
      }
    }
    gate = nextCaptureGate(gate, check);
    const ready = check.hint === 'ready';
    const fire = ready && gate.fire && options.autoCapture && !fired;
    if (fire) fired = true;
    // Where the face is out of place, which way to move it or the phone; otherwise what the checks say.
    const hint: GuidanceHint = !ready
      ? `hint.selfie.${selfieDirection(check) ?? check.hint}`
      : options.autoCapture
        ? 'hint.selfie.hold-still'
        : 'hint.selfie.manual';
    options.onUpdate({
      hint: fire ? 'hint.selfie.ready' : hint,
      ready,
      fire,
      quality: fire && check.face ? { faceScore: round(check.face.score), faceHeight: round(check.face.box.height), challenge: options.challenge } : null,
      findings: { kind: 'selfie', hint: check.hint },
      sample,
    });
  }, {
    minIntervalMs: MIN_DETECTION_INTERVAL_MS,
    maxBusyShare: detector.thread === 'main' ? MAIN_THREAD_DETECTION_SHARE : undefined,
    onFailed: (error) => { options.onFailed(error); },
  });

  return {
    stop: () => {
      stopped = true;
      stop();
    },
  };
}

const round = (value: number): number => Math.round(value * 1000) / 1000;
