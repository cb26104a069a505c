import type { CSSResult } from 'lit';
import type { CaptureController, CaptureHost, CaptureSettings } from '../capture/capture-controller.js';
import { nextTask } from '../platform/scheduling.js';
import type { FlowController } from './flow-controller.js';
import { PrefetchController } from './prefetch-controller.js';

/** The capture steps' script (camera, guidance, capture and review screens), one chunk loaded when first needed. */
const loadCaptureModule = () => import('./capture-chunk.js');

/** The screens that come with the capture steps' script: theirs, drawn from what the controller supplies, and the result. */
export type CaptureViews = Pick<Awaited<ReturnType<typeof loadCaptureModule>>, 'renderCaptureStep' | 'captureSpeech' | 'renderDone'>;

export interface CaptureLoaderOptions {
  flow: FlowController;
  /** What the capture steps read of the element's settings. */
  settings: () => CaptureSettings;
  /** Where the face runtime and the QR decoder are served from. */
  assetsBase: () => string;
  /** Whether fetching ahead is wanted now: the intro waits, and the host has not turned it off. */
  prefetchWanted: () => boolean;
  /** Whether a selfie follows the document: the face runtime is then fetched ahead too. */
  needsSelfie: () => boolean;
  /**
   * Notes where the focus is before the waiting screen is replaced; the function it answers puts it back on the new
   * screen's heading if it was on the old one's and has gone.
   */
  keepHeadingFocus: () => () => void;
}

/**
 * The capture steps' chunk: fetched and run while the intro waits (the tap on "Start" then runs none of it), then the
 * face runtime, so that the selfie finds its detector ready on a slow link too; loaded for good when the flow starts.
 */
export class CaptureLoader {
  /** The capture steps' camera, guidance and screens, once loaded. */
  controller: CaptureController | null = null;
  /** Whether the chunk is on its way, or failed to come (the waiting screen then offers to try again). */
  state: 'loading' | 'failed' | null = null;
  /** The capture screens' styles, arrived with their script: the host adds them to its own. */
  styles: CSSResult | null = null;
  /** The capture and review screens, and the result screen, which only follows the capture steps: they arrive with them. */
  views: CaptureViews | null = null;

  private readonly host: CaptureHost;
  private readonly options: CaptureLoaderOptions;

  constructor(host: CaptureHost, options: CaptureLoaderOptions) {
    this.host = host;
    this.options = options;
    new PrefetchController(host, {
      wanted: options.prefetchWanted,
      steps: [
        () => loadCaptureModule().then(({ captureStyles }) => {
          this.styles = captureStyles;
          host.requestUpdate();
        }),
        async (signal) => {
          const { prefetchFaceRuntime } = await loadCaptureModule();
          if (options.needsSelfie()) await prefetchFaceRuntime(options.assetsBase(), signal);
        },
      ],
    });
  }

  /** Loads the chunk, once; the host is drawn anew when it arrives or fails. */
  load(): void {
    if (this.controller || this.state === 'loading') return;
    this.state = 'loading';
    const { host, options } = this;
    loadCaptureModule().then(
      (chunk) => {
        this.state = null;
        this.styles = chunk.captureStyles;
        this.views = chunk;
        this.controller = new chunk.CaptureController(host, options.flow, options.settings);
        // The screen that waited for it is drawn anew: its heading keeps the focus it had.
        const restoreFocus = options.keepHeadingFocus();
        host.requestUpdate();
        // The focus, then what later steps need, each in a task of its own after the new screen: together they held a
        // slow phone's page for over 50 ms.
        void host.updateComplete.then(async () => {
          await nextTask();
          restoreFocus();
          await nextTask();
          this.controller?.prefetch(options.assetsBase());
        });
      },
      () => {
        this.state = 'failed';
        host.requestUpdate();
      },
    );
  }
}
