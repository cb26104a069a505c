import type { CardReport, Side } from './types.js';

/** A side's lean counted the way a clockwise turn of the card leans the top: the upright sides the other way. */
const lean = (card: Pick<CardReport, 'angles'>, side: Side): number =>
  side === 'top' || side === 'bottom' ? card.angles[side] : -card.angles[side];

/**
 * How far the card is turned in its own plane, in degrees (clockwise positive): the mean lean of the `found` sides.
 * Perspective leans opposite sides opposite ways, so it cancels out here.
 */
export function cardTurn(card: Pick<CardReport, 'angles'>, found: readonly Side[]): number {
  if (found.length === 0) return 0;
  return found.reduce((sum, side) => sum + lean(card, side), 0) / found.length;
}

/** How much the `found` sides lean apart from the turn, in degrees (the largest): the slant of a card seen in perspective. */
export function cardSlant(card: Pick<CardReport, 'angles'>, found: readonly Side[]): number {
  const turn = cardTurn(card, found);
  return Math.max(0, ...found.map((side) => Math.abs(lean(card, side) - turn)));
}
