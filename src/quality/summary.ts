import type { DocumentFrameReport } from './types.js';

const round = (value: number, digits = 3): number => Number(value.toFixed(digits));

/** The measured values of a frame as flat, rounded numbers: what a capture event reports as its `quality`. */
export function qualitySummary(report: DocumentFrameReport): Record<string, number> {
  const { card, exposure, glare } = report;
  return {
    sideLeft: round(card.sides.left),
    sideRight: round(card.sides.right),
    sideTop: round(card.sides.top),
    sideBottom: round(card.sides.bottom),
    fill: round(card.fill),
    tilt: round(Math.max(...Object.values(card.angles).map(Math.abs)), 1),
    squareness: round(card.squareness),
    brightness: round(exposure.mean, 1),
    contrast: round(exposure.contrast),
    glare: round(glare.largest, 4),
    blown: round(glare.share, 4),
    sharpness: round(report.sharpness),
    ...(report.motion === null ? {} : { motion: round(report.motion, 2) }),
  };
}
