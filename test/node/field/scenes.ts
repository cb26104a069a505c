import type { DocumentHint } from '../../../src/quality/types.js';
import type { DocumentDirection } from '../../../src/guidance/directions.js';
import { seeded } from '../../quality/fixtures/random.js';
import { FIELD_BACKGROUNDS, type FieldBackground } from './backgrounds.js';
import type { FieldCard } from './cards.js';

/** What a person sees on screen for a frame: a check's hint, or which way to move the card. */
export type ShownHint = DocumentHint | DocumentDirection;

/**
 * One scene of the field set: a test card laid on a surface at home and filmed by a phone, and
 * whether a frame of it must be captured or must not be, with the reason.
 */
export interface FieldScene {
  id: string;
  /** The row of the results table. */
  kind: string;
  background: FieldBackground;
  card: FieldCard | null;
  /** A landscape 1280×720 or a portrait 720×1280 camera stream. */
  frame: 'landscape' | 'portrait';
  /** Card width over the guide's width, were the card square to the camera (default 0.95). */
  scale?: number;
  /** The card's centre off the guide's, as shares of the guide's width and height. */
  shift?: { x: number; y: number };
  /** Turn in the card's plane, degrees. */
  rotate?: number;
  /** Lean away from the camera (perspective), degrees about the horizontal or vertical axis. */
  tilt?: { axis: 'x' | 'y'; degrees: number };
  /** Out of focus: the blur's deviation, in frame pixels. */
  defocus?: number;
  /** Moving during the exposure: the smear's length in frame pixels. */
  motion?: number;
  /** A reflection on the card, its blown-out core's radius as a share of the card's width. */
  glare?: number;
  /** Exposure gain and contrast (1: as lit). */
  gain?: number;
  contrast?: number;
  /** Sensor noise, grey levels. */
  noise?: number;
  /** Pixels the whole view moved since the previous frame (a hand's shake). */
  shake?: number;
  label: 'capture' | 'refuse';
  reason: string;
  /** For a refused scene, the hints that name its real problem; the first one shown must be one of them. */
  hints?: readonly ShownHint[];
}

type Variation = Omit<FieldScene, 'id' | 'background'>;

const CARDS: readonly FieldCard[] = ['front-2021', 'front-plain', 'back-2024'];
const TOO_FAR = ['move-closer'] as const;
const CUT_OFF = ['card-cut-off', 'move-left', 'move-right', 'move-up', 'move-down'] as const;
const BLURRED = ['blurry', 'hold-still'] as const;

/** Scenes that vary over every surface: `each` gives one scene for the k-th surface. */
function overSurfaces(each: (k: number, random: () => number) => Variation | null, seed: number): FieldScene[] {
  const random = seeded(seed);
  return FIELD_BACKGROUNDS.flatMap((background, k) => {
    const scene = each(k, random);
    return scene ? [{ ...scene, background, id: `${scene.kind} on ${background}` }] : [];
  });
}

const card = (k: number): FieldCard => CARDS[k % CARDS.length] ?? 'front-2021';
const sign = (k: number): 1 | -1 => (k % 2 === 0 ? 1 : -1);
const jitter = (random: () => number, size: number): number => (random() - 0.5) * 2 * size;

/**
 * The field set: at least one scene of each kind on each surface, a card of each kind in turn,
 * small placements drawn from a seeded generator (the same set every run).
 */
export const FIELD_SCENES: readonly FieldScene[] = [
  // Must capture: a card held as a person at home would, in the guide.
  ...overSurfaces((k, random) => ({
    kind: 'centred', card: card(k), frame: 'landscape', shift: { x: jitter(random, 0.03), y: jitter(random, 0.03) },
    label: 'capture', reason: 'a card in the guide, square to the camera',
  }), 1),
  ...overSurfaces((k, random) => ({
    kind: 'portrait camera', card: card(k + 1), frame: 'portrait', shift: { x: jitter(random, 0.03), y: jitter(random, 0.03) },
    label: 'capture', reason: 'a card in the guide of a portrait stream',
  }), 2),
  ...overSurfaces((k, random) => ({
    kind: 'rotated', card: card(k + 2), frame: k % 3 === 2 ? 'portrait' : 'landscape', rotate: sign(k) * (5 + 3 * random()),
    label: 'capture', reason: 'turned less than 8°',
  }), 3),
  ...overSurfaces((k, random) => ({
    kind: 'tilted', card: card(k), frame: k % 3 === 1 ? 'portrait' : 'landscape',
    tilt: { axis: k % 2 === 0 ? 'x' : 'y', degrees: sign(k >> 1) * (14 + 6 * random()) },
    label: 'capture', reason: 'leaning up to 20° away from the camera',
  }), 4),
  ...overSurfaces((k, random) => ({
    kind: 'turned and tilted', card: card(k + 1), frame: k % 2 === 0 ? 'portrait' : 'landscape',
    rotate: sign(k) * (2 + 3 * random()), tilt: { axis: k % 2 === 0 ? 'y' : 'x', degrees: sign(k >> 1) * (8 + 6 * random()) },
    label: 'capture', reason: 'turned a little and leaning',
  }), 5),
  ...overSurfaces((k, random) => ({
    kind: 'distance', card: card(k + 2), frame: 'landscape', scale: k % 2 === 0 ? 0.84 + 0.04 * random() : 1.02 + 0.04 * random(),
    shift: { x: jitter(random, 0.02), y: jitter(random, 0.02) },
    label: 'capture', reason: 'a little nearer or further than the guide',
  }), 6),
  ...overSurfaces((k) => ({
    kind: 'dim with noise', card: card(k), frame: k % 2 === 0 ? 'landscape' : 'portrait', gain: 0.6, noise: 5,
    label: 'capture', reason: 'an evening room: dimmer, noisier, still readable',
  }), 7),
  ...overSurfaces((k) => ({
    kind: 'slight defocus', card: card(k + 1), frame: 'landscape', defocus: 0.8,
    label: 'capture', reason: 'a phone focusing: text still sharp enough',
  }), 8),
  ...overSurfaces((k) => ({
    kind: 'steady hand', card: card(k + 2), frame: k % 2 === 0 ? 'landscape' : 'portrait', shake: 2, noise: 2,
    label: 'capture', reason: 'a hand holding the phone moves it a pixel or two between frames',
  }), 9),

  // Must not capture.
  ...overSurfaces((k) => ({
    kind: 'no card', card: null, frame: k % 2 === 0 ? 'landscape' : 'portrait', noise: 2,
    label: 'refuse', reason: 'nothing but the surface', hints: ['no-card'],
  }), 10),
  ...overSurfaces((k) => (k % 2 === 0 ? {
    kind: 'too far', card: card(k), frame: 'landscape', scale: 0.55,
    label: 'refuse', reason: 'the card covers under a third of the guide: text too small', hints: TOO_FAR,
  } : null), 11),
  ...overSurfaces((k) => (k % 2 === 1 ? {
    kind: 'cut off', card: card(k), frame: 'landscape', shift: { x: sign(k >> 1) * 0.38, y: 0 },
    label: 'refuse', reason: 'part of the card is out of the frame', hints: CUT_OFF,
  } : null), 12),
  ...overSurfaces((k) => (k % 2 === 0 ? {
    kind: 'steep tilt', card: card(k + 1), frame: 'landscape', tilt: { axis: 'x', degrees: 40 },
    label: 'refuse', reason: 'leaning 40°: the far side is squeezed', hints: ['tilt-less', 'no-card'],
  } : null), 13),
  ...overSurfaces((k) => (k % 3 === 1 ? {
    kind: 'turned 12°', card: card(k + 2), frame: 'landscape', rotate: sign(k) * 12,
    label: 'refuse', reason: 'turned past the 8° the checks allow', hints: ['straighten', 'no-card'],
  } : null), 14),
  ...overSurfaces((k) => ({
    kind: 'defocus', card: card(k), frame: k % 2 === 0 ? 'landscape' : 'portrait', defocus: 4,
    label: 'refuse', reason: 'out of focus: text unreadable', hints: ['blurry'],
  }), 15),
  ...overSurfaces((k) => (k % 2 === 1 ? {
    kind: 'motion blur', card: card(k + 1), frame: 'landscape', motion: 16, shake: 10,
    label: 'refuse', reason: 'the hand moved during the exposure', hints: BLURRED,
  } : null), 16),
  ...overSurfaces((k) => (k % 2 === 0 ? {
    kind: 'glare', card: card(k + 2), frame: 'landscape', glare: 0.05,
    label: 'refuse', reason: 'a reflection hides part of the text', hints: ['glare', 'too-bright'],
  } : null), 17),
  ...overSurfaces((k) => (k % 3 === 0 ? {
    kind: 'too dark', card: card(k), frame: 'landscape', gain: 0.22, noise: 8,
    label: 'refuse', reason: 'a dark room: text lost in noise', hints: ['too-dark'],
  } : null), 18),
  ...overSurfaces((k) => (k % 3 === 2 ? {
    kind: 'washed out', card: card(k + 1), frame: 'landscape', gain: 1.7, contrast: 0.8,
    label: 'refuse', reason: 'overexposed: the card is blown out', hints: ['too-bright', 'low-contrast', 'glare'],
  } : null), 19),
  ...overSurfaces((k) => (k % 2 === 0 ? {
    kind: 'shaking hand', card: card(k + 2), frame: 'landscape', shake: 24,
    label: 'refuse', reason: 'the view moved a lot since the last frame', hints: ['hold-still'],
  } : null), 20),
];
