import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { createEkycEvent, type EkycEmission, type EkycErrorCode } from '../events.js';
import type { RunContext } from './api-runner.js';
import { nextTask } from '../platform/scheduling.js';
import { unreachedFailure } from './failures.js';
import { initialState, transition, type FlowEvent } from './machine.js';
import type { FlowConfig, FlowState, Work } from './types.js';

// The first bundle holds the element and the intro: the API calls load when the flow starts.
const loadRunner = () => import('./api-runner.js');

export interface FlowHost extends ReactiveControllerHost, EventTarget {
  readonly isConnected: boolean;
}

export interface FlowControllerOptions {
  /** What the next API call needs (settings may change between calls). */
  context(): Omit<RunContext, 'signal' | 'sleep'>;
  /** The words of an `ekyc-error` the server gave none for: what the user reads. */
  errorMessage(code: EkycErrorCode, config: FlowConfig): string;
  /** A new screen is on the page: move focus to its heading. */
  focusScreen(): void;
}

/**
 * Owns the flow's state, the one source of what the element shows: feeds
 * events to the pure machine, runs the API calls it asks for (one at a time,
 * abandoned when the flow moves on or the element leaves the page, started
 * again when it comes back), and fires the machine's events once the element
 * has rendered what they announce.
 */
export class FlowController implements ReactiveController {
  state: FlowState = initialState();

  private readonly host: FlowHost;
  private readonly options: FlowControllerOptions;
  private abort: AbortController | null = null;
  private queued: EkycEmission[] = [];
  /** A new state waits to be rendered: its events wait with it. */
  private renderPending = false;

  constructor(host: FlowHost, options: FlowControllerOptions) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  /** Back in the page (a route change): the call that was interrupted is made again. */
  hostConnected(): void {
    if (this.state.step === 'processing') this.run(this.state.work);
  }

  hostDisconnected(): void {
    this.abort?.abort();
    this.abort = null;
    this.queued = [];
  }

  hostUpdated(): void {
    this.renderPending = false;
    this.flush();
    if (this.state.focus && this.host.isConnected) {
      // Nothing on screen depends on it: no new render.
      this.state = transition(this.state, { type: 'focused' }).state;
      // In a task of its own: with the new screen's render, the layout that focus forces held a slow phone's page
      // thread for over 50 ms. A screen drawn meanwhile is the one whose heading takes it.
      void nextTask().then(() => {
        if (this.host.isConnected) this.options.focusScreen();
      });
    }
  }

  /** Starts loading the script of the API calls ahead of the first one, and the QR decoder for an ID card flow. */
  prefetch(qrAssetsBase?: string): void {
    const runner = loadRunner();
    void (qrAssetsBase === undefined ? runner : runner.then(({ prepareQr }) => prepareQr(qrAssetsBase))).catch(() => undefined);
  }

  dispatch(event: FlowEvent): void {
    const { state, effects } = transition(this.state, event);
    const changed = state !== this.state;
    this.state = state;
    // A call belongs to the processing step that asked for it.
    if (state.step !== 'processing') this.stopWork();
    for (const effect of effects) {
      if (effect.type === 'run') this.run(effect.work);
      else this.queued.push(effect.emission);
    }
    if (changed) {
      this.renderPending = true;
      this.host.requestUpdate();
    } else if (!this.renderPending) {
      // Nothing new to render: what the events announce is already on screen.
      this.flush();
    }
  }

  /**
   * Fires `emission` (the handoff's, say) as the machine's own: once the element has rendered what it announces.
   */
  announce(emission: EkycEmission): void {
    this.queued.push(emission);
    this.renderPending = true;
    this.host.requestUpdate();
  }

  private flush(): void {
    const emissions = this.queued;
    this.queued = [];
    for (const emission of emissions) this.emit(emission);
  }

  private stopWork(): void {
    this.abort?.abort();
    this.abort = null;
  }

  private emit(emission: EkycEmission): void {
    if (!this.host.isConnected) return;
    if (emission.name === 'ekyc-error' && !emission.detail.message) {
      const message = this.options.errorMessage(emission.detail.code, this.state.config);
      emission = { name: 'ekyc-error', detail: { ...emission.detail, message } };
    }
    this.host.dispatchEvent(createEkycEvent(emission.name, emission.detail));
  }

  private run(work: Work): void {
    this.stopWork();
    const controller = new AbortController();
    this.abort = controller;
    const state = this.state;
    if (state.step !== 'processing') return;
    const context: RunContext = { ...this.options.context(), signal: controller.signal };
    const failed = (): FlowEvent => ({ type: 'work-failed', work, failure: unreachedFailure() });
    void loadRunner()
      // The script that makes the calls could not load: as for a call that could not reach the API.
      .then(({ runWork }) => runWork(work, state, context), failed)
      .catch(failed)
      .then((event) => {
        if (event && !controller.signal.aborted && this.host.isConnected) this.dispatch(event);
      });
  }
}
