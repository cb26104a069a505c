// What the handoff's screens show, as plain data: the handoff's controller (`handoff/`) makes it, the views
// (`views/handoff.ts`) draw it; neither imports the other.
import type { EkycCompleteDetail } from './events.js';
import type { TextKey } from './i18n/localize.js';

/** The computer while the phone works: the code and the link to open, the time left, and the phone's progress. */
export interface ComputerHandoffScreen {
  end: 'computer';
  phase: 'creating' | 'showing' | 'expired' | 'failed';
  /** The link for the phone, once the server gave a token. */
  url: string | null;
  /** A phone holds the handoff: the code and link are no longer shown. */
  claimed: boolean;
  secondsLeft: number;
  status: TextKey;
  copied: boolean;
}

/** The phone before and after its flow. */
export interface PhoneHandoffScreen {
  end: 'phone';
  /** `claiming`: waiting for the server; `refused`/`failed`: why not, `retry` for a connection problem; `over`: the end. */
  phase: 'claiming' | 'refused' | 'failed' | 'over';
  message: TextKey;
  /** The heading; by default one that fits the phase. */
  title?: TextKey | undefined;
}

/** The computer once the phone is done: the result screen, from what `ekyc-complete` carried. */
export interface HandoffResultScreen {
  end: 'result';
  result: EkycCompleteDetail;
}

export type HandoffScreen = ComputerHandoffScreen | PhoneHandoffScreen | HandoffResultScreen;

/** What the handoff's buttons do, and where its QR code is drawn. */
export interface HandoffActions {
  copy: () => void;
  renew: () => void;
  back: () => void;
  retry: () => void;
  /** Given the QR code's canvas once it is on the page (bound with Lit's `ref`), `undefined` once it is gone. */
  qrCanvas: (canvas: Element | undefined) => void;
}
