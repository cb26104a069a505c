import { expect } from '@open-wc/testing';
import {
  ALIGNED_INTERVAL_MS,
  ALIGNED_VIBRATION,
  CAPTURE_VIBRATION,
  Cues,
  feedbackChoice,
  type CueOutputs,
} from '../../src/feedback/cues.js';
import type { EkycFlow } from '../../src/index.js';
import { useEmulator } from '../helpers/emulator.js';
import { click, mountFlow, part } from '../helpers/flow.js';
import { cardScene, installSceneCamera, type SceneCamera } from '../helpers/scene-camera.js';
import { replaceMethod } from '../helpers/element.js';
import { waitUntil } from '../helpers/wait.js';

describe('feedback: what the attribute and the user allow', () => {
  it('vibrates only, by default, and nothing under reduced motion unless the page asks', () => {
    expect(feedbackChoice(undefined, false)).to.deep.equal({ haptic: true, sound: false });
    expect(feedbackChoice(undefined, true)).to.deep.equal({ haptic: false, sound: false });
    expect(feedbackChoice('haptic sound', true)).to.deep.equal({ haptic: true, sound: true });
    expect(feedbackChoice('Sound', false)).to.deep.equal({ haptic: false, sound: true });
    expect(feedbackChoice('none', false)).to.deep.equal({ haptic: false, sound: false });
    expect(feedbackChoice('none haptic', false)).to.deep.equal({ haptic: false, sound: false });
    expect(feedbackChoice('', false)).to.deep.equal({ haptic: false, sound: false });
  });

  it('gives a short pulse when aligned, at most every interval, and a different one and the sound on capture', () => {
    const vibrations: number[][] = [];
    let sounds = 0;
    let now = 0;
    const outputs: CueOutputs = {
      vibrate: (pattern) => vibrations.push([...pattern]),
      audio: () => {
        sounds += 1;
        return null;
      },
      reducedMotion: () => false,
      now: () => now,
    };
    const cues = new Cues(() => 'haptic sound', outputs);
    cues.aligned();
    now += ALIGNED_INTERVAL_MS / 2;
    cues.aligned();
    now += ALIGNED_INTERVAL_MS;
    cues.aligned();
    cues.taken();
    expect(vibrations).to.deep.equal([[...ALIGNED_VIBRATION], [...ALIGNED_VIBRATION], [...CAPTURE_VIBRATION]]);
    expect(ALIGNED_VIBRATION).to.not.deep.equal(CAPTURE_VIBRATION);
    expect(sounds).to.equal(1);
  });
});

/** Records `navigator.vibrate` and every oscillator started, the browser's own APIs, until `restore()`. */
function observeCues(): { vibrations: number[][]; notes: number; restore(): void } {
  const seen = { vibrations: [] as number[][], notes: 0 };
  const hadVibrate = Object.hasOwn(navigator, 'vibrate');
  Object.defineProperty(navigator, 'vibrate', {
    configurable: true,
    value: (pattern: VibratePattern) => {
      seen.vibrations.push(Array.isArray(pattern) ? [...(pattern)] : [pattern]);
      return true;
    },
  });
  const start = Object.getOwnPropertyDescriptor(AudioScheduledSourceNode.prototype, 'start')?.value as (when?: number) => void;
  const oscillators = replaceMethod(OscillatorNode.prototype, 'start', function (this: OscillatorNode, when?: number) {
    seen.notes += 1;
    Reflect.apply(start, this, [when]);
  });
  return {
    get vibrations() {
      return seen.vibrations;
    },
    get notes() {
      return seen.notes;
    },
    restore: () => {
      oscillators.restore();
      if (!hadVibrate) delete (navigator as Partial<Navigator>).vibrate;
    },
  };
}

/** Makes `prefers-reduced-motion: reduce` match, until `restore()`. */
function preferReducedMotion(): { restore(): void } {
  const original = window.matchMedia.bind(window);
  window.matchMedia = (query: string) =>
    query.includes('prefers-reduced-motion') ? ({ matches: query.includes('reduce'), media: query } as MediaQueryList) : original(query);
  return { restore: () => void (window.matchMedia = original) };
}

describe('<ekyc-flow> cues on the capture of a card in place', function () {
  this.timeout(90_000);
  let camera: SceneCamera;
  let observed: ReturnType<typeof observeCues>;

  beforeEach(async () => {
    camera = installSceneCamera();
    camera.show(await cardScene('idr-front', { scale: 0.9, x: 0, y: 0 }));
    observed = observeCues();
  });

  afterEach(() => {
    observed.restore();
    camera.restore();
  });

  async function captureFront(feedback: string | null): Promise<EkycFlow> {
    const { emulator, apiBase } = await useEmulator();
    const element = await mountFlow({ apiBase, sessionId: emulator.createSession() });
    if (feedback !== null) element.setAttribute('feedback', feedback);
    await click(element, 'start-button');
    await waitUntil(() => part(element, 'confirm-button') !== null, 'the card taken automatically', { timeout: 40_000 });
    return element;
  }

  it('vibrates when the card comes into place and differently when it is taken, and chimes, with feedback="haptic sound"', async () => {
    await captureFront('haptic sound');
    expect(observed.vibrations[0]).to.deep.equal([...ALIGNED_VIBRATION]);
    expect(observed.vibrations.at(-1)).to.deep.equal([...CAPTURE_VIBRATION]);
    expect(observed.notes).to.be.greaterThan(0);
  });

  it('neither vibrates nor plays anything with feedback="none"', async () => {
    await captureFront('none');
    expect(observed.vibrations).to.deep.equal([]);
    expect(observed.notes).to.equal(0);
  });

  it('vibrates without sound by default, and does nothing by default when the user prefers reduced motion', async () => {
    await captureFront(null);
    expect(observed.vibrations.at(-1)).to.deep.equal([...CAPTURE_VIBRATION]);
    expect(observed.notes).to.equal(0);
    const reduced = preferReducedMotion();
    try {
      observed.vibrations.length = 0;
      await captureFront(null);
      expect(observed.vibrations).to.deep.equal([]);
      expect(observed.notes).to.equal(0);
    } finally {
      reduced.restore();
    }
  });
});
