/**
 * The optional head-turn challenge (`liveness-challenge="turn-head"`): look at the camera, turn
 * the head to one side, look back. Fed one yaw value a frame (see `estimateYaw`).
 *
 * What it does NOT prove: that a live person is in front of the camera. A video of someone
 * turning their head, replayed to the camera, passes it; so may a printed photo that is turned
 * or bent in front of the lens, or a deepfake. It only makes the laziest attack, holding a
 * still photo or a screen with a still image up to the camera, fail on the device, and gives
 * the user a clear gesture. The real liveness check is the server's: the FPT.AI
 * `/face/liveness` answer (`is_live`, `spoof_prob`, `is_deepfake`) decides.
 */

/** A side, from the person's own point of view. */
export type TurnDirection = 'left' | 'right';

/** `centre`: waiting for a face looking at the camera; `turn`: for the turn; `return`: for the look back. */
export type HeadTurnStage = 'centre' | 'turn' | 'return' | 'passed';

/** State of the challenge; start from {@link initialHeadTurn}. */
export interface HeadTurnState {
  stage: HeadTurnStage;
  /** The side the head turned to, once it has. */
  turnedTo: TurnDirection | null;
  /** Consecutive frames meeting the current stage's condition. */
  held: number;
  /** Consecutive frames without exactly one face. */
  missed: number;
}

export const initialHeadTurn: HeadTurnState = { stage: 'centre', turnedTo: null, held: 0, missed: 0 };

/** Tuning of {@link nextHeadTurn}; every field has a default. */
export interface HeadTurnOptions {
  /** Which turn is asked for. Default `either`. */
  direction?: TurnDirection | 'either';
  /** |yaw| at most this counts as facing the camera. Default 0.05 (about 15°). */
  centreMax?: number;
  /** |yaw| at least this counts as turned. Default 0.1 (about 30°). */
  turnMin?: number;
  /** Frames a position must hold before it counts, against one-frame keypoint noise. Default 2. */
  holdFrames?: number;
  /** Frames without one face after which the challenge starts over. Default 15 (about a second). */
  maxMissed?: number;
}

function sideOf(yaw: number): TurnDirection {
  return yaw > 0 ? 'left' : 'right';
}

/**
 * Advances the challenge by one frame. `yaw` is null when the frame does not have exactly one
 * face: a few such frames are tolerated (a strongly turned face is sometimes missed), more
 * start the challenge over. `passed` is final.
 */
export function nextHeadTurn(state: HeadTurnState, yaw: number | null, options: HeadTurnOptions = {}): HeadTurnState {
  if (state.stage === 'passed') return state;
  if (yaw === null) {
    const missed = state.missed + 1;
    return missed > (options.maxMissed ?? 15) ? initialHeadTurn : { ...state, held: 0, missed };
  }
  const centred = Math.abs(yaw) <= (options.centreMax ?? 0.05);
  const direction = options.direction ?? 'either';
  const turned = Math.abs(yaw) >= (options.turnMin ?? 0.1) && (direction === 'either' || sideOf(yaw) === direction);
  const meets = state.stage === 'turn' ? turned : centred;
  const held = meets ? state.held + 1 : 0;
  if (held < (options.holdFrames ?? 2)) return { ...state, held, missed: 0 };
  switch (state.stage) {
    case 'centre':
      return { stage: 'turn', turnedTo: null, held: 0, missed: 0 };
    case 'turn':
      return { stage: 'return', turnedTo: sideOf(yaw), held: 0, missed: 0 };
    case 'return':
      return { ...state, stage: 'passed', held: 0, missed: 0 };
  }
}

/** What to ask the user at this stage of the challenge. */
export type HeadTurnHint = 'look-straight' | 'turn-left' | 'turn-right' | 'turn-head' | 'look-back' | 'done';

/** The instruction for the current stage. */
export function headTurnHint(state: HeadTurnState, options: HeadTurnOptions = {}): HeadTurnHint {
  switch (state.stage) {
    case 'centre':
      return 'look-straight';
    case 'turn': {
      const direction = options.direction ?? 'either';
      return direction === 'either' ? 'turn-head' : direction === 'left' ? 'turn-left' : 'turn-right';
    }
    case 'return':
      return 'look-back';
    case 'passed':
      return 'done';
  }
}
