import type { Rect } from '../geometry/geometry.js';
import { videoFrameOf } from '../platform/video-frame.js';
import { advanceGate, closeGate, documentCaptureCard, documentCaptureRect, openGate, qualitySummary } from '../quality/index.js';
import type { DocumentAnalysis, DocumentAnalyzer } from '../quality/index.js';
import { documentDirection } from './directions.js';
import { startFrameLoop } from './frame-loop.js';
import type { CaptureQuality } from '../events.js';
import type { FrameFindings, Guidance, GuidanceUpdate } from './types.js';

export interface DocumentGuidanceOptions {
  video: HTMLVideoElement;
  /** The guide frame as drawn, in the video's own pixels. */
  guide: Rect;
  autoCapture: boolean;
  /** Measures the frames; the caller owns it (one for every run of the element), this only resets it. */
  analyzer: DocumentAnalyzer;
  onUpdate(update: GuidanceUpdate): void;
  /** Frames failed to be measured several times in a row: the guidance has stopped. */
  onFailed(error: unknown): void;
}

interface HeldFrame {
  bitmap: VideoFrame | ImageBitmap | null;
  analysis: DocumentAnalysis;
}

/**
 * A full-size copy of the frame on screen, kept in case it becomes the capture: a `VideoFrame`
 * (a handle on the camera's buffer, nothing copied on this thread) where the browser has them,
 * an `ImageBitmap` otherwise.
 */
function holdFrame(video: HTMLVideoElement): VideoFrame | Promise<ImageBitmap> {
  return videoFrameOf(video) ?? createImageBitmap(video);
}

/** What the checks found on the frame measured: what the review of its photo says. */
function findingsOf(analysis: DocumentAnalysis, quality: CaptureQuality | null): FrameFindings {
  return { kind: 'document', measured: quality ?? qualitySummary(analysis), checks: analysis.checks, ok: analysis.verdict.ok };
}

/**
 * Watches the document preview: card in the guide, exposure, glare, sharpness,
 * a steady view; after a run of passing frames the sharpest one is handed out
 * to be encoded. Frames are measured off the main thread (a worker) on a
 * downscaled copy of the guide, which the worker makes from a `VideoFrame`.
 */
export function startDocumentGuidance(options: DocumentGuidanceOptions): Guidance {
  const { video, guide, analyzer } = options;
  analyzer.reset();
  let gate = openGate<HeldFrame>();
  let lastOk = false;
  let stopped = false;
  const free = (frames: HeldFrame[]): void => {
    frames.forEach((frame) => frame.bitmap?.close());
  };

  const stopLoop = startFrameLoop(video, async () => {
    // A full-size copy is only worth taking while frames pass: it may become the capture. The copy is analysed
    // itself, so that the capture is the frame measured.
    const bitmap = options.autoCapture && lastOk ? await holdFrame(video) : null;
    let analysis: DocumentAnalysis;
    try {
      analysis = await analyzer.analyze(bitmap ?? video, guide);
    } catch (error) {
      bitmap?.close();
      throw error;
    }
    if (stopped) {
      bitmap?.close();
      return;
    }
    lastOk = analysis.verdict.ok;
    const step = advanceGate(gate, { verdict: analysis.verdict, sharpness: analysis.sharpness, frame: { bitmap, analysis } });
    gate = step.gate;
    free(step.released);
    const capture = options.autoCapture ? step.capture : null;
    if (capture && !capture.bitmap) {
      // The run fired on a frame without a copy (the first passing one): wait for the next.
      gate = openGate();
      options.onUpdate({ hint: 'hint.document.hold-still', ready: true, fire: false, quality: null, sample: analysis.sample });
      return;
    }
    // Where the card is out of place, which way to move it; otherwise what the checks say.
    const hint = !options.autoCapture && analysis.verdict.ok ? 'manual' : (documentDirection(analysis, step.hint) ?? step.hint);
    const quality = capture ? qualitySummary(capture.analysis) : null;
    options.onUpdate({
      hint: `hint.document.${hint}`,
      ready: analysis.verdict.ok,
      fire: capture !== null,
      quality,
      frame: capture?.bitmap ?? undefined,
      crop: capture ? documentCaptureRect(capture.analysis) : undefined,
      card: capture ? (documentCaptureCard(capture.analysis) ?? undefined) : undefined,
      findings: findingsOf(capture?.analysis ?? analysis, quality),
      sample: analysis.sample,
    });
  }, { onFailed: (error) => { options.onFailed(error); } });

  return {
    stop: () => {
      stopped = true;
      stopLoop();
      free(closeGate(gate));
    },
  };
}
