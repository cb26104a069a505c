import type { CardReport, Side } from './types.js';

/** A side's lean counted the way a clockwise turn of the card leans the top: the upright sides the other way. */
const lean = (card: Pick<CardReport, 'angles'>, side: Side): number =>
  side === 'top' || side === 'bottom' ? card.angles[side] : -card.angles[side];

const PAIRS: readonly (readonly [Side, Side])[] = [
  ['top', 'bottom'],
  ['left', 'right'],
];

/**
 * How far the card is turned in its own plane, in degrees (clockwise positive): the mean lean of the `found` sides
 * whose opposite side is found too, since perspective leans opposite sides opposite ways and cancels out within a
 * pair; a side alone would count its perspective as turn. With no pair found, the mean lean of what is found.
 */
export function cardTurn(card: Pick<CardReport, 'angles'>, found: readonly Side[]): number {
  const paired = PAIRS.filter(([a, b]) => found.includes(a) && found.includes(b)).flat();
  const sides = paired.length > 0 ? paired : found;
  if (sides.length === 0) return 0;
  return sides.reduce((sum, side) => sum + lean(card, side), 0) / sides.length;
}

/** How much the `found` sides lean apart from the turn, in degrees (the largest): the slant of a card seen in perspective. */
export function cardSlant(card: Pick<CardReport, 'angles'>, found: readonly Side[]): number {
  const turn = cardTurn(card, found);
  return Math.max(0, ...found.map((side) => Math.abs(lean(card, side) - turn)));
}
