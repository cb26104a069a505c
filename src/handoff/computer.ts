import type { ApiConfig } from '../api/types.js';
import { follow } from './follow.js';
import type { HandoffInput, HandoffRequest } from './machine.js';
import { createHandoff } from './protocol.js';
import { drawQrCode } from './qr-code.js';

export interface DriverLink {
  /** How to reach the integrator's server, as the flow's own calls do. */
  api(): ApiConfig;
  /** Feeds what happened to the handoff's machine. */
  dispatch(input: HandoffInput): void;
}

/**
 * The computer's side of a handoff, its I/O only: asks the server for a token, follows the phone's news (and the
 * clock, while the code waits), copies the link, draws the code on the canvas the screen gives it.
 */
export class ComputerDriver {
  private following: AbortController | null = null;
  private ticker: ReturnType<typeof setInterval> | undefined;
  private canvas: HTMLCanvasElement | undefined;
  /** The text the canvas shows. */
  private drawn: string | null = null;

  constructor(
    private readonly link: DriverLink,
    /** Once a second while the code waits: the time left is drawn anew. */
    private readonly onTick: () => void,
  ) {}

  create({ sessionId, settings }: HandoffRequest): void {
    createHandoff(this.link.api(), sessionId, settings).then(
      ({ token, expiresAt, claimed }) => this.link.dispatch({ type: 'created', token, expiresAt, claimed }),
      () => this.link.dispatch({ type: 'create-failed' }),
    );
  }

  follow(token: string): void {
    this.stop();
    const following = new AbortController();
    this.following = following;
    this.ticker = setInterval(() => {
      this.link.dispatch({ type: 'tick', now: Date.now() });
      this.onTick();
    }, 1_000);
    void follow({
      api: this.link.api(),
      token,
      signal: following.signal,
      onEvent: (event) => this.link.dispatch({ type: 'news', event }),
      onGone: () => {
        if (!following.signal.aborted) this.link.dispatch({ type: 'gone' });
      },
    });
  }

  stop(): void {
    this.following?.abort();
    this.following = null;
    clearInterval(this.ticker);
    this.ticker = undefined;
  }

  copy(url: string): void {
    void navigator.clipboard.writeText(url).then(() => this.link.dispatch({ type: 'copied' }), () => undefined);
  }

  /** The code's canvas, bound by the screen (Lit's `ref`): `undefined` once it is gone. */
  readonly qrCanvas = (canvas: Element | undefined): void => {
    this.canvas = canvas as HTMLCanvasElement | undefined;
    this.drawn = null;
  };

  /** Draws `text` as the code, on the canvas on screen, unless it shows it already. */
  draw(text: string | null): void {
    const canvas = this.canvas;
    if (!canvas || !text || this.drawn === text) return;
    this.drawn = text;
    void drawQrCode(canvas, text).catch(() => undefined);
  }
}
