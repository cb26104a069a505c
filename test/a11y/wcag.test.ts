import { expect } from '@open-wc/testing';
import type { EkycFlow } from '../../src/index.js';
import { en } from '../../src/i18n/en.js';
import { vi } from '../../src/i18n/vi.js';
import { useEmulator } from '../helpers/emulator.js';
import { click, mountFlow, part, waitForStep } from '../helpers/flow.js';
import { cardScene, installSceneCamera, type SceneCamera } from '../helpers/scene-camera.js';
import { waitUntil } from '../helpers/wait.js';

const LANGUAGES = { en, vi };

/**
 * WCAG 2.2 AA checks beyond axe: each screen at 320 CSS px (1280 px at 400 % zoom), with the
 * text spacing of 1.4.12, with the forced-colours and more-contrast rules applied, focus never
 * hidden, targets large enough, and no screen that moves on by itself. `ACCESSIBILITY.md` names
 * each test.
 */

type Screen = 'intro' | 'capture' | 'review' | 'error';

const realSetTimeout = window.setTimeout.bind(window);
const pause = (ms: number): Promise<void> => new Promise((resolve) => realSetTimeout(resolve, ms));

/** The element in a box `width` CSS pixels wide: what a 320 px viewport (1280 px at 400 %) gives it. */
async function mountIn(width: number, options: { manualCapture?: boolean; apiBase?: string } = {}): Promise<EkycFlow> {
  const { emulator, apiBase } = await useEmulator();
  const element = await mountFlow({
    apiBase: options.apiBase ?? apiBase,
    sessionId: emulator.createSession(),
    allowUpload: true,
    manualCapture: options.manualCapture ?? true,
  });
  const box = element.parentElement as HTMLElement;
  box.style.width = `${width}px`;
  box.style.margin = '0';
  return element;
}

/** Brings the element to `screen`: the intro, the front's capture (camera ready), its review, or the error screen. */
async function reach(element: EkycFlow, screen: Screen): Promise<void> {
  if (screen === 'intro') return;
  if (screen === 'error') {
    element.apiBase = '';
    element.start();
    await waitForStep(element, 'error');
    return;
  }
  await click(element, 'start-button');
  await waitForStep(element, 'document-front');
  await waitUntil(() => {
    const button = part(element, 'capture-button');
    return button instanceof HTMLButtonElement && !button.disabled;
  }, 'the camera ready', { timeout: 30_000 });
  if (screen === 'review') {
    await click(element, 'capture-button');
    await waitUntil(() => part(element, 'confirm-button') !== null, 'the review', { timeout: 30_000 });
  }
}

const visibleParts = (element: EkycFlow): HTMLElement[] =>
  [...(element.shadowRoot?.querySelectorAll<HTMLElement>('[part]') ?? [])].filter(
    (node) => node.getClientRects().length > 0 && node.getAttribute('part') !== 'frame',
  );

/** Every part lies within the element's box across, and no text runs out of its box. */
function expectReflowed(element: EkycFlow, width: number, what: string): void {
  const box = element.getBoundingClientRect();
  expect(box.width, `${what}: the element's width`).to.be.at.most(width + 0.5);
  expect(element.scrollWidth, `${what}: no sideways scrolling`).to.be.at.most(Math.ceil(box.width) + 1);
  for (const node of visibleParts(element)) {
    const rect = node.getBoundingClientRect();
    const name = `${what}: ${node.getAttribute('part') ?? node.localName}`;
    expect(rect.left, name).to.be.at.least(box.left - 0.5);
    expect(rect.right, name).to.be.at.most(box.right + 0.5);
    if (node.localName !== 'video' && node.localName !== 'canvas') {
      const inner = node.getBoundingClientRect();
      const out = [...node.querySelectorAll<HTMLElement>('*')]
        .filter((child) => child.getBoundingClientRect().right > inner.right + 0.5 || child.scrollWidth > child.clientWidth + 1)
        .map((child) => `${child.localName}.${child.className}[${child.getAttribute('part') ?? ''}] ${child.scrollWidth}/${child.clientWidth}`);
      expect(node.scrollWidth, `${name} text runs out sideways (${out.join(', ')})`).to.be.at.most(node.clientWidth + 1);
    }
  }
}

const TEXT_SPACING = `
  * { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
  p { margin-bottom: 2em !important; }
`;

/** Adds CSS to the element's shadow root; returns how to take it away. */
function addStyles(element: EkycFlow, css: string): () => void {
  const root = element.shadowRoot as ShadowRoot;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  return () => {
    root.adoptedStyleSheets = root.adoptedStyleSheets.filter((other) => other !== sheet);
  };
}

/** The rules of the element's own `@media` block whose condition names `feature`, as text. */
function mediaRules(element: EkycFlow, feature: string): string {
  const root = element.shadowRoot as ShadowRoot;
  const sheets = [...root.adoptedStyleSheets, ...[...root.querySelectorAll('style')].flatMap((style) => (style.sheet ? [style.sheet] : []))];
  const rules = sheets
    .flatMap((sheet) => [...sheet.cssRules])
    .filter((rule): rule is CSSMediaRule => rule instanceof CSSMediaRule && rule.conditionText.includes(feature));
  return rules.flatMap((rule) => [...rule.cssRules].map((inner) => inner.cssText)).join('\n');
}

describe('<ekyc-flow> WCAG 2.2 AA', function () {
  this.timeout(120_000);
  let camera: SceneCamera;

  beforeEach(async () => {
    camera = installSceneCamera();
    camera.show(await cardScene('idr-front', { scale: 0.9, x: 0, y: 0 }));
  });

  afterEach(() => {
    camera.restore();
  });

  for (const screen of ['intro', 'capture', 'review', 'error'] as const) {
    it(`reflows the ${screen} screen to 320 CSS px, also with the text spacing of 1.4.12 (1.4.10, 1.4.12)`, async () => {
      const element = await mountIn(320);
      await reach(element, screen);
      expectReflowed(element, 320, screen);
      const remove = addStyles(element, TEXT_SPACING);
      try {
        await element.updateComplete;
        expectReflowed(element, 320, `${screen} with text spacing`);
      } finally {
        remove();
      }
    });

    it(`keeps every focused control of the ${screen} screen in view, uncovered, and at least 24 by 24 px at 320 CSS px (2.4.11, 2.5.8)`, async () => {
      const element = await mountIn(320);
      await reach(element, screen);
      const controls = [...(element.shadowRoot?.querySelectorAll<HTMLElement>('button, [tabindex="0"], a[href]') ?? [])].filter(
        (node) => node.getClientRects().length > 0,
      );
      expect(controls.length, 'controls on the screen').to.be.greaterThan(0);
      for (const control of controls) {
        const name = control.getAttribute('part') ?? control.localName;
        control.focus();
        expect(element.shadowRoot?.activeElement, `${name} takes focus`).to.equal(control);
        const rect = control.getBoundingClientRect();
        expect(rect.width, `${name} width`).to.be.at.least(24);
        expect(rect.height, `${name} height`).to.be.at.least(24);
        const x = rect.left + rect.width / 2;
        const y = rect.top + rect.height / 2;
        expect(y, `${name} in the viewport`).to.be.within(0, window.innerHeight);
        const top = element.shadowRoot?.elementFromPoint(x, y);
        expect(top === control || (top !== null && control.contains(top ?? null)), `${name} is not covered (${top?.outerHTML.slice(0, 80)})`).to.equal(true);
      }
    });
  }

  it('tells the ready frame, the hint, the current step and a disabled button apart without colour, with the forced-colours rules (forced-colors)', async () => {
    const element = await mountIn(480);
    await reach(element, 'capture');
    const rules = mediaRules(element, 'forced-colors: active');
    expect(rules, 'the element has forced-colours rules').to.not.equal('');
    const remove = addStyles(element, rules);
    try {
      const frame = part(element, 'frame') as HTMLElement;
      const hint = part(element, 'hint') as HTMLElement;
      frame.removeAttribute('data-ready');
      const waiting = getComputedStyle(frame);
      const waitingLook = `${waiting.borderTopStyle} ${waiting.borderTopWidth}`;
      frame.setAttribute('data-ready', '');
      const ready = getComputedStyle(frame);
      expect(`${ready.borderTopStyle} ${ready.borderTopWidth}`, 'the ready frame differs in shape').to.not.equal(waitingLook);
      expect(getComputedStyle(hint).borderTopStyle, 'the hint keeps a box').to.equal('solid');
      const progress = element.shadowRoot?.querySelector('[aria-current="step"]') as HTMLElement;
      expect(getComputedStyle(progress).textDecorationLine, 'the current step').to.include('underline');
      const capture = part(element, 'capture-button') as HTMLButtonElement;
      capture.disabled = true;
      expect(getComputedStyle(capture).borderTopStyle, 'a disabled button').to.equal('dashed');
      expect(getComputedStyle(capture).opacity, 'a disabled button is not faded').to.equal('1');
      capture.disabled = false;
    } finally {
      remove();
    }
  });

  it('gives muted text the full text colour and the hint a solid background, with the more-contrast rules (prefers-contrast)', async () => {
    const element = await mountIn(480);
    await reach(element, 'capture');
    const rules = mediaRules(element, 'prefers-contrast: more');
    expect(rules, 'the element has more-contrast rules').to.not.equal('');
    const muted = element.shadowRoot?.querySelector('ol.progress li:not([aria-current])') as HTMLElement;
    const text = getComputedStyle(element).color;
    const remove = addStyles(element, rules);
    try {
      expect(getComputedStyle(muted).color).to.equal(text);
      expect(getComputedStyle(part(element, 'hint') as HTMLElement).backgroundColor).to.equal('rgb(0, 0, 0)');
    } finally {
      remove();
    }
  });

  /** Delays of at least this long (before hurrying) are the element's own waits, not its frame and polling loops. */
  const LONG_DELAY_MS = 100;

  /**
   * Cuts every delay the page asks for a thousandfold, from now until `restore` is called; `settled` resolves once
   * every wait of `LONG_DELAY_MS` or more that the page set meanwhile, and each one those set in turn, has run out
   * (or been cancelled): whatever the element would do after any of its own waits, it has done.
   */
  function hurryTime(): { restore: () => void; settled: () => Promise<void> } {
    const timers = ['setTimeout', 'setInterval'] as const;
    const before = timers.map((name) => Object.getOwnPropertyDescriptor(window, name));
    const nativeClear = { setTimeout: window.clearTimeout.bind(window), setInterval: window.clearInterval.bind(window) };
    /** Long waits not yet run out: timeouts until they fire, intervals until they first fire. */
    const pending = new Set<number>();
    timers.forEach((name, k) => {
      const original = before[k]?.value as (...args: unknown[]) => number;
      const floor = name === 'setInterval' ? 4 : 0;
      Object.defineProperty(window, name, {
        configurable: true,
        writable: true,
        value: (handler: TimerHandler, delay?: number, ...rest: unknown[]) => {
          const long = (delay ?? 0) >= LONG_DELAY_MS;
          const run = (...args: unknown[]): void => {
            pending.delete(id);
            if (typeof handler === 'function') Reflect.apply(handler, window, args);
          };
          const id = Reflect.apply<Window, unknown[], number>(original, window, [
            long ? run : handler,
            Math.max(floor, (delay ?? 0) / 1000),
            ...rest,
          ]);
          if (long) pending.add(id);
          return id;
        },
      });
    });
    const clears = ['clearTimeout', 'clearInterval'] as const;
    const clearsBefore = clears.map((name) => Object.getOwnPropertyDescriptor(window, name));
    clears.forEach((name, k) => {
      const native = k === 0 ? nativeClear.setTimeout : nativeClear.setInterval;
      Object.defineProperty(window, name, {
        configurable: true,
        writable: true,
        value: (id?: number) => {
          if (id !== undefined) pending.delete(id);
          native(id);
        },
      });
    });
    return {
      restore: () => {
        [...timers, ...clears].forEach((name, k) => {
          const descriptor = [...before, ...clearsBefore][k];
          if (descriptor) Object.defineProperty(window, name, descriptor);
        });
      },
      // Two of the page's own frames with nothing pending: a wait that ran out has had its effect drawn.
      settled: async () => {
        for (let quiet = 0, waited = 0; quiet < 2; quiet = pending.size === 0 ? quiet + 1 : 0, waited += 50) {
          if (waited > 20_000) throw new Error(`the element's own waits kept coming for 20 s (${pending.size} pending)`);
          await pause(50);
        }
      },
    };
  }

  /** Polls with the page's own clock, whatever `hurryTime` did to the element's. */
  async function until(predicate: () => boolean, what: string): Promise<void> {
    for (let waited = 0; !predicate(); waited += 50) {
      if (waited > 30_000) throw new Error(`waited 30 s for ${what}`);
      await pause(50);
    }
  }

  for (const screen of ['intro', 'review', 'error'] as const) {
    it(`never moves on from the ${screen} screen by itself, however long the user takes (2.2.1)`, async () => {
      const element = await mountIn(480, { manualCapture: true });
      if (screen === 'review') await reach(element, 'capture');
      // From the action that opens the screen on, time runs a thousand times faster for the element.
      const { restore, settled } = hurryTime();
      try {
        if (screen === 'review') {
          part(element, 'capture-button')?.click();
          await until(() => part(element, 'confirm-button') !== null, 'the review');
        } else if (screen === 'error') {
          element.apiBase = '';
          element.start();
          await until(() => element.step === 'error', 'the error screen');
        }
        const step = element.step;
        // Every wait the element set itself has run out (minutes of its time) and whatever followed has happened.
        await settled();
        expect(element.step).to.equal(step);
        const waitingFor = screen === 'intro' ? 'start-button' : screen === 'review' ? 'confirm-button' : 'cancel-button';
        expect(part(element, waitingFor), `${waitingFor} still there`).to.not.equal(null);
      } finally {
        restore();
      }
    });
  }

  it('says what the checks found on the review screen in words, in a part of its own, in both languages (1.1.1, 4.1.3)', async () => {
    for (const lang of ['en', 'vi'] as const) {
      const element = await mountIn(480, { manualCapture: false });
      element.lang = lang;
      await reach(element, 'capture');
      await waitUntil(() => part(element, 'confirm-button') !== null, 'the card taken automatically', { timeout: 40_000 });
      const summary = part(element, 'review-summary')?.textContent ?? '';
      const t = LANGUAGES[lang];
      expect(summary).to.include(t['review.document.corners']);
      expect(summary).to.include(t['review.document.sharp']);
      expect(summary).to.include(t['review.document.no-glare']);
      expect(summary).to.include(t['review.verdict.ok']);
      const region = element.shadowRoot?.querySelector('[role="status"][aria-live="polite"]')?.textContent ?? '';
      expect(region).to.include(t['review.taken']);
      expect(region).to.include(t['review.verdict.ok']);
    }
  });
});
