import { guideInView } from '../../../src/geometry/geometry.js';
import type { Rect } from '../../../src/quality/types.js';
import { paintBackground } from './backgrounds.js';
import { cardFace } from './cards.js';
import { addNoise, defocus, expose, glare, motionBlur, panned } from './degrade.js';
import { blankPicture, toRgba, type Picture } from './picture.js';
import { placeCard } from './place.js';
import type { FieldScene } from './scenes.js';

/** A camera frame's pixels, as the analysis reads them (RGBA, row by row). */
export interface FieldFrame {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

export interface RenderedScene {
  frame: FieldFrame;
  /** The frame before it, when the view moved in between. */
  previous: FieldFrame | null;
  /** The guide the element draws over this stream (the preview shows the whole frame). */
  guide: Rect;
}

const SIZES = { landscape: [1280, 720], portrait: [720, 1280] } as const;

function seedOf(id: string): number {
  let hash = 2166136261;
  for (let k = 0; k < id.length; k++) hash = Math.imul(hash ^ id.charCodeAt(k), 16777619);
  return hash >>> 0;
}

/** Renders one scene deterministically: surface, card, reflection, then the camera's blur, exposure and noise. */
export function renderFieldScene(scene: FieldScene): RenderedScene {
  const [width, height] = SIZES[scene.frame];
  const guide = guideInView('card', width, height);
  const picture: Picture = blankPicture(width, height);
  const seed = seedOf(scene.id);
  paintBackground(picture, scene.background, seed);
  if (scene.card) {
    const cardWidth = guide.width * (scene.scale ?? 0.95);
    const x = guide.x + guide.width * (0.5 + (scene.shift?.x ?? 0));
    const y = guide.y + guide.height * (0.5 + (scene.shift?.y ?? 0));
    placeCard(picture, cardFace(scene.card), { x, y, width: cardWidth, rotate: scene.rotate ?? 0, tilt: scene.tilt ?? { axis: 'x', degrees: 0 } });
    if (scene.glare) glare(picture, x + cardWidth * 0.12, y - cardWidth * 0.06, cardWidth * scene.glare);
  }
  if (scene.defocus) defocus(picture, scene.defocus);
  if (scene.motion) motionBlur(picture, scene.motion);
  if (scene.gain !== undefined || scene.contrast !== undefined) expose(picture, scene.gain ?? 1, scene.contrast ?? 1);
  const before = scene.shake ? panned(picture, -scene.shake, -Math.round(scene.shake / 2)) : null;
  if (scene.noise) addNoise(picture, scene.noise, seed);
  if (before && scene.noise) addNoise(before, scene.noise, seed + 1);
  return { frame: frameOf(picture), previous: before ? frameOf(before) : null, guide };
}

function frameOf(picture: Picture): FieldFrame {
  return { width: picture.width, height: picture.height, data: toRgba(picture) };
}
