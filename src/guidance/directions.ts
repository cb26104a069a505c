import type { MoveDirection, SelfieCheck } from '../face/rules/selfie-check.js';
import { cardSlant, cardTurn } from '../quality/pose.js';
import { DOCUMENT_THRESHOLDS } from '../quality/thresholds.js';
import type { DocumentFrameReport, DocumentHint, Side } from '../quality/types.js';

/**
 * What a person who cannot see the preview is told to do with the card, from their own point of
 * view (the rear camera's preview is not mirrored: the picture's left is theirs).
 */
export type DocumentDirection =
  | 'move-left'
  | 'move-right'
  | 'move-up'
  | 'move-down'
  | 'move-closer'
  | 'move-further'
  | 'straighten'
  | 'tilt-less';

/** What the selfie step asks, from the person's point of view (the selfie preview is a mirror). */
export type SelfieDirection = 'face-left' | 'face-right' | 'phone-up' | 'phone-down' | 'phone-closer' | 'phone-further';

const SIDES = ['left', 'right', 'top', 'bottom'] as const;

/**
 * A card whose full size, as its clear sides give it, takes more than this share of the view
 * analysed around the guide cannot be framed with all four sides in view: it is too close.
 */
const MAX_VIEW_SHARE = 0.95;

type DirectionReport = Pick<DocumentFrameReport, 'card' | 'layout' | 'thumbnail'>;

/**
 * Where the card's middle lies across the analysed view (0–1 along `axis`), from the frame's
 * thumbnail: the centre of the columns (or rows) on the card's side of the view's middle grey.
 */
function cardMiddle({ thumbnail }: DirectionReport, axis: 'x' | 'y', lighter: boolean): number | null {
  const { width, height, data } = thumbnail;
  const count = axis === 'x' ? width : height;
  const across = axis === 'x' ? height : width;
  const means = Array.from({ length: count }, (_, i) => {
    let sum = 0;
    for (let j = 0; j < across; j++) sum += data[axis === 'x' ? j * width + i : i * width + j] ?? 0;
    return sum / across;
  });
  const middle = (Math.min(...means) + Math.max(...means)) / 2;
  let weight = 0;
  let total = 0;
  means.forEach((mean, i) => {
    if (lighter ? mean > middle : mean < middle) {
      weight += i + 0.5;
      total += 1;
    }
  });
  return total > 0 && total < count ? weight / total / count : null;
}

/**
 * Share of the view around the guide busy with edges from which the surface is patterned (print, cloth, keys): there
 * a lone straight edge, a pair of them or the view's brightness may well be the surface's, and no direction is given
 * from fewer than three clear sides.
 */
const BUSY_SURROUND = 0.45;

/** A card's middle this close to the guide's (a share of the guide's size) gives no direction along that axis. */
const MIDDLE_TOLERANCE = 0.08;

/**
 * Which way the card should go along one axis, or `null` when both its sides there are clear. One
 * side clear: where it lies against the guide's says whether the card overhangs the far side (move
 * back) or falls short of it (move on).
 */
function bySides(report: DirectionReport, axis: 'x' | 'y', found: (side: Side) => boolean): DocumentDirection | null {
  const [low, high] = axis === 'x' ? (['left', 'right'] as const) : (['top', 'bottom'] as const);
  const [toLow, toHigh] = axis === 'x' ? (['move-left', 'move-right'] as const) : (['move-up', 'move-down'] as const);
  const { guide } = report.layout;
  const [topLeft, topRight, bottomRight, bottomLeft] = report.card.corners;
  const guideLow = axis === 'x' ? guide.x : guide.y;
  const guideHigh = guideLow + (axis === 'x' ? guide.width : guide.height);
  if (found(low) && !found(high)) {
    const at = axis === 'x' ? (topLeft.x + bottomLeft.x) / 2 : (topLeft.y + topRight.y) / 2;
    return at < guideLow ? toHigh : toLow;
  }
  if (found(high) && !found(low)) {
    const at = axis === 'x' ? (topRight.x + bottomRight.x) / 2 : (bottomLeft.y + bottomRight.y) / 2;
    return at > guideHigh ? toLow : toHigh;
  }
  return null;
}

/** Which way the card should go along one axis, from where its middle lies against the guide's; `null` when close enough. */
function byMiddle(report: DirectionReport, axis: 'x' | 'y', lighter: boolean): DocumentDirection | null {
  const middle = cardMiddle(report, axis, lighter);
  if (middle === null) return null;
  const { guide, region } = report.layout;
  const at = axis === 'x' ? region.x + middle * region.width : region.y + middle * region.height;
  const centre = axis === 'x' ? guide.x + guide.width / 2 : guide.y + guide.height / 2;
  const size = axis === 'x' ? guide.width : guide.height;
  if (Math.abs(at - centre) < MIDDLE_TOLERANCE * size) return null;
  if (axis === 'x') return at < centre ? 'move-right' : 'move-left';
  return at < centre ? 'move-down' : 'move-up';
}

/**
 * Which way the card should go, from where the checks found its sides (pure), from the person's
 * point of view (the document preview is not mirrored). A card whose clear sides make it larger
 * than the view: further away. Otherwise left or right first, then up or down.
 * Sides leaning past the limit: turn it straight; all four clear and straight but no card: seen at
 * a slant, tilt it less. `null` when the frame gives no direction (no side found, or the problem is
 * not where the card is).
 */
export function documentDirection(
  report: DirectionReport,
  hint: DocumentHint,
  thresholds: { minSideScore: number; maxTilt: number; maxSlant: number } = DOCUMENT_THRESHOLDS,
): DocumentDirection | null {
  if (hint === 'move-closer') return 'move-closer';
  if (hint !== 'no-card' && hint !== 'card-cut-off') return null;
  const { sides, corners } = report.card;
  const found = (side: Side): boolean => sides[side] >= thresholds.minSideScore;
  const clear = SIDES.filter(found);
  if (clear.length === 0) return null;
  if (Math.abs(cardTurn(report.card, clear)) > thresholds.maxTilt) return 'straighten';
  if (clear.length === 4 || cardSlant(report.card, clear) > thresholds.maxSlant) return 'tilt-less';
  if (clear.length < 3 && report.card.surround > BUSY_SURROUND) return null;
  const { guide, region } = report.layout;
  const aspect = guide.width / guide.height;
  const [topLeft, topRight, bottomRight, bottomLeft] = corners;
  const width = found('left') && found('right') ? (topRight.x + bottomRight.x - topLeft.x - bottomLeft.x) / 2 : null;
  const height = found('top') && found('bottom') ? (bottomLeft.y + bottomRight.y - topLeft.y - topRight.y) / 2 : null;
  const fullWidth = width ?? (height === null ? 0 : height * aspect);
  const fullHeight = height ?? (width === null ? 0 : width / aspect);
  if (fullWidth > MAX_VIEW_SHARE * region.width || fullHeight > MAX_VIEW_SHARE * region.height) return 'move-further';
  // A clear corner (two sides that meet) places the card; a lone side may be a line printed on it (a photo's
  // border), and an opposite pair says nothing of the other axis: then the frame's brightness says where the card
  // lies, the card lighter than its surface unless its sides said otherwise (the user is asked for a dark surface).
  const corner = (found('left') || found('right')) && (found('top') || found('bottom'));
  if (corner) return bySides(report, 'x', found) ?? bySides(report, 'y', found);
  const lighter = clear.length >= 2 ? report.card.lighter : true;
  return byMiddle(report, 'x', lighter) ?? byMiddle(report, 'y', lighter);
}

const SELFIE_MOVES: Record<MoveDirection, SelfieDirection> = {
  left: 'face-left',
  right: 'face-right',
  // The face is to go up in the picture: the camera goes down, and the other way round.
  up: 'phone-down',
  down: 'phone-up',
};

/**
 * Which way the face or the phone should go (pure). `check.move` is already on the screen's side
 * (mirrored), which is the person's own. Vertical moves are said of the phone, which is what a
 * person holding it moves; a face too small or too large, of the phone's distance.
 */
export function selfieDirection(check: Pick<SelfieCheck, 'hint' | 'move'>): SelfieDirection | null {
  if (check.hint === 'too-far') return 'phone-closer';
  if (check.hint === 'too-close') return 'phone-further';
  if ((check.hint === 'off-centre' || check.hint === 'partly-out') && check.move) return SELFIE_MOVES[check.move];
  return null;
}
