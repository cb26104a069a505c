import { guideInView, type Rect } from '../../src/geometry/geometry.js';
import { CARD_ASPECT, type CardKind } from '../quality/fixtures/cards.js';
import { renderScene, sceneGuide } from '../quality/fixtures/scene.js';
import { dressAsCamera } from './picture-camera.js';

/**
 * A camera whose picture a test changes as it goes: every engine films a canvas
 * (`canvas.captureStream`), redrawn at the frame rate with whatever scene the test set last. It
 * stands in `navigator.mediaDevices` (own properties: `restore()` brings the engine's camera back).
 */
export interface SceneCamera {
  readonly width: number;
  readonly height: number;
  /** Shows `scene` from the next frame on. */
  show(scene: CanvasImageSource): void;
  restore(): void;
}

const FRAME_RATE = 15;

export function installSceneCamera(width = 1280, height = 720): SceneCamera {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2D canvas');
  context.fillStyle = '#777';
  context.fillRect(0, 0, width, height);
  let scene: CanvasImageSource | null = null;
  const timer = setInterval(() => {
    if (scene) context.drawImage(scene, 0, 0, width, height);
    else context.fillRect(0, 0, width, height);
  }, 1000 / FRAME_RATE);
  const device = { deviceId: 'scene-camera', groupId: 'scene-camera', label: 'Scene camera', width, height };
  const mediaDevices = navigator.mediaDevices;
  Object.defineProperties(mediaDevices, {
    getUserMedia: {
      configurable: true,
      value: (constraints?: MediaStreamConstraints): Promise<MediaStream> => {
        const stream = canvas.captureStream(FRAME_RATE);
        const track = stream.getVideoTracks()[0];
        if (!track) return Promise.reject(new DOMException('no video track', 'NotReadableError'));
        dressAsCamera(track, device, typeof constraints?.video === 'object' ? constraints.video : {});
        return Promise.resolve(stream);
      },
    },
    enumerateDevices: {
      configurable: true,
      value: (): Promise<MediaDeviceInfo[]> =>
        Promise.resolve([{ ...device, kind: 'videoinput', toJSON: () => device } as unknown as MediaDeviceInfo]),
    },
  });
  return {
    width,
    height,
    show: (next) => {
      scene = next;
      context.drawImage(next, 0, 0, width, height);
    },
    restore: () => {
      clearInterval(timer);
      delete (mediaDevices as Partial<MediaDevices>).getUserMedia;
      delete (mediaDevices as Partial<MediaDevices>).enumerateDevices;
    },
  };
}

/** Where a card lies, relative to the element's guide: its width over the guide's, and its centre's shift in guide widths and heights. */
export interface CardPlace {
  scale: number;
  x: number;
  y: number;
  /** Degrees, clockwise. */
  rotate?: number;
}

/** The document guide the element draws over a `width`×`height` camera (its preview takes the camera's shape). */
export function documentGuide(width: number, height: number, shape: 'card' | 'passport' = 'card'): Rect {
  return guideInView(shape, width, height);
}

/** A card on a desk, placed relative to the element's guide (the test fixtures' scenes, moved to that guide). */
export async function cardScene(card: CardKind, place: CardPlace, width = 1280, height = 720): Promise<OffscreenCanvas> {
  const guide = documentGuide(width, height, card === 'passport' ? 'passport' : 'card');
  const own = sceneGuide(width, height, CARD_ASPECT[card]);
  const cx = guide.x + guide.width / 2 + place.x * guide.width;
  const cy = guide.y + guide.height / 2 + place.y * guide.height;
  return renderScene({
    card,
    background: 'desk',
    width,
    height,
    scale: (place.scale * guide.width) / own.width,
    shift: { x: (cx - own.x - own.width / 2) / own.width, y: (cy - own.y - own.height / 2) / own.height },
    rotate: place.rotate ?? 0,
  });
}

/** Where a portrait lies in the camera's own (unmirrored) picture: its height over the frame's, its centre in frame widths and heights. */
export interface PortraitPlace {
  height: number;
  x: number;
  y: number;
}

/** A person's photo on a plain wall, as a front camera sees it. */
export function portraitScene(photo: ImageBitmap, place: PortraitPlace, width = 1280, height = 720): OffscreenCanvas {
  const scene = new OffscreenCanvas(width, height);
  const context = scene.getContext('2d');
  if (!context) throw new Error('no 2D canvas');
  context.fillStyle = '#c4cad2';
  context.fillRect(0, 0, width, height);
  const h = place.height * height;
  const w = (photo.width / photo.height) * h;
  context.drawImage(photo, place.x * width - w / 2, place.y * height - h / 2, w, h);
  return scene;
}
