import { LitElement } from 'lit';
import type { ApiCredentials, DocumentType, HostHeaders } from './api/types.js';
import type { EkycStrings } from './i18n/localize.js';

/** `<ekyc-flow>`'s public properties and attributes, with their defaults: what the page sets. */
export class EkycFlowProperties extends LitElement {
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
  declare documentType: DocumentType;
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
  }
}
