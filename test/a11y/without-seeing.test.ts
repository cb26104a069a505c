import { expect } from '@open-wc/testing';
import type { EkycFlow } from '../../src/index.js';
import { en } from '../../src/i18n/en.js';
import type { Lang, StringKey } from '../../src/i18n/localize.js';
import { vi } from '../../src/i18n/vi.js';
import { analysedFrames } from '../helpers/element.js';
import { useEmulator } from '../helpers/emulator.js';
import { click, mountFlow, waitForStep } from '../helpers/flow.js';
import { cardScene, installSceneCamera, portraitScene, type CardPlace, type PortraitPlace, type SceneCamera } from '../helpers/scene-camera.js';
import { waitUntil } from '../helpers/wait.js';
import { setWaits } from '../../src/platform/waits.js';

const LANGUAGES: Record<Lang, Record<StringKey, string>> = { en, vi };

/**
 * A person who cannot see the screen: they hear only the polite live region, and move the card
 * (then their face, or the phone) the way each hint says, one small move at a time. Left and right
 * are theirs: the card's picture is not mirrored (rear camera); the selfie's is, so their left is
 * the camera's right.
 */

const MAX_MOVES = 15;
/** One move: a twelfth of the guide for a card, a twenty-fifth of the frame for a face; a seventh nearer or further. */
const CARD_STEP = 0.08;
const FACE_STEP = 0.04;
const ZOOM = 1.15;

type Move = (place: { x: number; y: number }, zoom: (factor: number) => void) => void;

const CARD_MOVES: Partial<Record<StringKey, Move>> = {
  'hint.document.move-left': (p) => void (p.x -= CARD_STEP),
  'hint.document.move-right': (p) => void (p.x += CARD_STEP),
  'hint.document.move-up': (p) => void (p.y -= CARD_STEP),
  'hint.document.move-down': (p) => void (p.y += CARD_STEP),
  'hint.document.move-closer': (_, zoom) => zoom(ZOOM),
  'hint.document.move-further': (_, zoom) => zoom(1 / ZOOM),
};

const FACE_MOVES: Partial<Record<StringKey, Move>> = {
  // The person's left is the camera's right.
  'hint.selfie.face-left': (p) => void (p.x += FACE_STEP),
  'hint.selfie.face-right': (p) => void (p.x -= FACE_STEP),
  // A phone raised sees the face lower in its picture.
  'hint.selfie.phone-up': (p) => void (p.y += FACE_STEP),
  'hint.selfie.phone-down': (p) => void (p.y -= FACE_STEP),
  'hint.selfie.phone-closer': (_, zoom) => zoom(ZOOM),
  'hint.selfie.phone-further': (_, zoom) => zoom(1 / ZOOM),
};

/** What the person waits through without moving. */
const WAIT: StringKey[] = ['hint.document.hold-still', 'hint.document.ready', 'hint.selfie.hold-still', 'hint.selfie.ready'];

const liveRegion = (element: EkycFlow): string =>
  element.shadowRoot?.querySelector('[role="status"][aria-live="polite"]')?.textContent.trim() ?? '';

/** The hint a text is, in `lang`'s own table. */
function keyOf(lang: Lang, text: string): StringKey | undefined {
  return (Object.entries(LANGUAGES[lang]) as [StringKey, string][]).find(([, value]) => value === text)?.[0];
}

const onReview = (element: EkycFlow): boolean => element.shadowRoot?.querySelector('[part="confirm-button"]') !== null;

/**
 * Waits until what the live region says is about the picture as it is now: a few frames measured
 * since the last move, and the latest hint spoken (hints are paced), or the photo taken.
 */
async function settle(element: EkycFlow): Promise<void> {
  const target = analysedFrames(element) + 4;
  await waitUntil(
    () => {
      if (onReview(element)) return true;
      const guidance = element['capture'].controller?.guidance;
      return analysedFrames(element) >= target && guidance?.hint !== null && guidance?.spokenHint === guidance?.hint;
    },
    'the hint about the moved picture spoken',
    { timeout: 40_000 },
  );
}

/** Follows the spoken hints until the photo is taken; returns the moves made and what was heard. */
async function followHints(
  element: EkycFlow,
  lang: Lang,
  moves: Partial<Record<StringKey, Move>>,
  place: { x: number; y: number },
  zoom: (factor: number) => void,
  redraw: () => Promise<void>,
): Promise<{ moves: number; heard: string[] }> {
  const heard: string[] = [];
  let count = 0;
  for (let reads = 0; reads < 4 * MAX_MOVES; reads++) {
    await settle(element);
    const text = liveRegion(element);
    if (onReview(element)) return { moves: count, heard: [...heard, text] };
    if (heard.at(-1) !== text) heard.push(text);
    const key = keyOf(lang, text);
    const move = key ? moves[key] : undefined;
    if (move) {
      count += 1;
      expect(count, `moves so far, hearing ${heard.join(' / ')}`).to.be.at.most(MAX_MOVES);
      move(place, zoom);
      await redraw();
    } else {
      expect(WAIT, `"${text}" is a hint a person can act on without seeing (heard: ${heard.join(' / ')})`).to.include(key);
    }
  }
  throw new Error(`no photo after ${4 * MAX_MOVES} hints: ${heard.join(' / ')}`);
}

async function loadPortrait(): Promise<ImageBitmap> {
  const response = await fetch('/test/fixtures/faces/person-a.jpg');
  return createImageBitmap(await response.blob());
}

describe('<ekyc-flow> used without seeing the screen', function () {
  this.timeout(300_000);
  let camera: SceneCamera;
  let restorePace = (): void => undefined;

  beforeEach(() => {
    camera = installSceneCamera();
  });

  afterEach(() => {
    camera.restore();
    restorePace();
  });

  // English at the real pace of spoken hints (one every 2 s at most); Vietnamese with hints spoken as often as they change.
  for (const [lang, pace] of [['en', 'real'], ['vi', 'fast']] as const) {
    it(`brings the card, then the face, into place from the spoken hints alone, in ${lang}, hints at the ${pace} pace`, async () => {
      if (pace === 'fast') restorePace = setWaits({ announceIntervalMs: 0 });
      const t = LANGUAGES[lang];
      const { emulator, apiBase } = await useEmulator();
      const element = await mountFlow({ apiBase, sessionId: emulator.createSession(), lang });

      const sides: { step: 'document-front' | 'document-back'; card: 'idr-front' | 'idr-back'; start: CardPlace }[] = [
        // Off to the left, both its left and right sides out of the guide, and too small.
        { step: 'document-front', card: 'idr-front', start: { scale: 0.75, x: -0.32, y: 0 } },
        // Too close: its top and bottom out of view.
        { step: 'document-back', card: 'idr-back', start: { scale: 1.2, x: 0, y: 0 } },
      ];
      for (const [index, side] of sides.entries()) {
        const place = { ...side.start };
        const redraw = async (): Promise<void> => camera.show(await cardScene(side.card, place));
        await redraw();
        if (index === 0) await click(element, 'start-button');
        await waitForStep(element, side.step);
        const result = await followHints(element, lang, CARD_MOVES, place, (f) => void (place.scale *= f), redraw);
        expect(result.moves, result.heard.join(' / ')).to.be.greaterThan(0);
        const review = result.heard.at(-1) ?? '';
        expect(review.startsWith(t['review.taken']), review).to.equal(true);
        expect(review).to.include(t['review.document.corners']);
        expect(review).to.include(t['review.verdict.ok']);
        await click(element, 'confirm-button');
      }

      const photo = await loadPortrait();
      // Off to the person's right (the camera's left), and far away.
      const face: PortraitPlace = { height: 0.45, x: 0.3, y: 0.5 };
      const redraw = (): Promise<void> => {
        camera.show(portraitScene(photo, face));
        return Promise.resolve();
      };
      await redraw();
      await waitForStep(element, 'selfie');
      const result = await followHints(element, lang, FACE_MOVES, face, (f) => void (face.height *= f), redraw);
      expect(result.moves, result.heard.join(' / ')).to.be.greaterThan(0);
      const review = result.heard.at(-1) ?? '';
      expect(review.startsWith(t['review.taken']), review).to.equal(true);
      expect(review).to.include(t['review.selfie.one-face']);
      await click(element, 'confirm-button');
      await waitForStep(element, 'done');
    });
  }
});
