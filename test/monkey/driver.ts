import { sendKeys } from '@web/test-runner-commands';
import type { BrowserEmulator } from '../../src/emulator/index.js';
import type { EkycFlow } from '../../src/index.js';
import { useEmulator } from '../helpers/emulator.js';
import { fakeVisibility, nextTask, photoFile, watchPageErrors } from '../helpers/devices.js';
import { mountFlow, trackStreams } from '../helpers/flow.js';
import { installPictureCamera, showPicture } from '../helpers/picture-camera.js';
import { countListeners, countObjectUrls, spyConsole } from '../helpers/spies.js';
import { SCENES, type Action, type AttributeName, type CameraFault, type UploadKind } from './actions.js';
import { Watcher, InvariantFailure } from './watcher.js';

const PICTURES = '/test/fixtures/camera/';
const REQUEST_TIMEOUT_MS = 5_000;

const PROPERTY_OF: Record<AttributeName, keyof EkycFlow> = {
  'document-type': 'documentType',
  lang: 'lang',
  flow: 'flow',
  'manual-capture': 'manualCapture',
  'allow-upload': 'allowUpload',
  'liveness-challenge': 'livenessChallenge',
  'api-key': 'apiKey',
};

const BOOLEAN_ATTRIBUTES: readonly AttributeName[] = ['manual-capture', 'allow-upload'];

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * What the monkey's element lives in, set up once a page: the emulator, a camera that films the test pictures
 * (and can be told to fail), a page that can be hidden, and the spies the invariants read.
 */
export interface World {
  emulator: BrowserEmulator['emulator'];
  apiBase: string;
  streams: MediaStream[];
  /** The next `getUserMedia` calls fail with this (as many as `cameraFaultsLeft`), until the camera is `ok` again. */
  cameraFault: Exclude<CameraFault, 'lost' | 'ok'> | null;
  cameraFaultsLeft: number;
  visibility: ReturnType<typeof fakeVisibility>;
  console: ReturnType<typeof spyConsole>;
  pageErrors: ReturnType<typeof watchPageErrors>;
  objectUrls: ReturnType<typeof countObjectUrls>;
  listeners: ReturnType<typeof countListeners>;
  /** Files the user would have been asked for (the chooser itself never opens in a test). */
  fileChooserOpens: number;
  files: Record<UploadKind, File>;
  dispose(): void;
}

let world: Promise<World> | undefined;

async function createWorld(): Promise<World> {
  const { emulator, apiBase } = await useEmulator();
  // Every engine films the same pictures; a scene change swaps the picture under the live stream.
  await installPictureCamera(`${PICTURES}card-scene.jpg`);
  const mediaDevices = navigator.mediaDevices;
  const camera = mediaDevices.getUserMedia.bind(mediaDevices);
  const created: Partial<World> = {};
  mediaDevices.getUserMedia = (constraints) => {
    const fault = created.cameraFault;
    if (!fault) return camera(constraints);
    created.cameraFaultsLeft = (created.cameraFaultsLeft ?? 1) - 1;
    if (created.cameraFaultsLeft <= 0) created.cameraFault = null;
    return Promise.reject(new DOMException(`camera: ${fault}`, fault));
  };
  const tracking = trackStreams();
  const chooser = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'click')!;
  HTMLInputElement.prototype.click = function (this: HTMLInputElement) {
    if (this.type === 'file') created.fileChooserOpens = (created.fileChooserOpens ?? 0) + 1;
    else (chooser.value as (this: HTMLElement) => void).call(this);
  };
  const corrupt = new Uint8Array(4096).map((_, index) => (index * 7919) % 251);
  corrupt.set([0xff, 0xd8, 0xff, 0xe0]);
  const files: Record<UploadKind, File> = {
    card: await photoFile('card.jpg', `${PICTURES}card-scene.jpg`),
    face: await photoFile('face.jpg'),
    corrupt: new File([corrupt], 'corrupt.jpg', { type: 'image/jpeg' }),
    empty: new File([], 'empty.jpg', { type: 'image/jpeg' }),
  };
  const spies = {
    visibility: fakeVisibility(),
    console: spyConsole(),
    pageErrors: watchPageErrors(),
    objectUrls: countObjectUrls(),
    listeners: countListeners(),
  };
  return Object.assign(created, {
    emulator,
    apiBase,
    streams: tracking.streams,
    cameraFault: null,
    cameraFaultsLeft: 0,
    fileChooserOpens: 0,
    files,
    ...spies,
    dispose: () => {
      for (const spy of Object.values(spies)) spy.restore();
      Reflect.deleteProperty(HTMLInputElement.prototype, 'click');
      tracking.restore();
      Reflect.deleteProperty(mediaDevices, 'getUserMedia');
    },
  });
}

/** The page's one world (made on first use). */
export function monkeyWorld(): Promise<World> {
  world ??= createWorld();
  return world;
}

/** Buttons on screen, in document order (disabled ones included: a user may press them too). */
export function visibleButtons(element: EkycFlow): HTMLButtonElement[] {
  return [...(element.shadowRoot?.querySelectorAll('button') ?? [])].filter((button) => button.getClientRects().length > 0);
}

/** One element under test, and what the actions do to it and to its world. */
export class Driver {
  readonly world: World;
  element: EkycFlow;
  readonly parent: Node;

  private constructor(world: World, element: EkycFlow) {
    this.world = world;
    this.element = element;
    this.parent = element.parentNode!;
  }

  static async mount(world: World): Promise<Driver> {
    world.emulator.clearFaults();
    world.cameraFault = null;
    await showPicture(`${PICTURES}card-scene.jpg`);
    const element = await mountFlow({
      apiBase: world.apiBase,
      sessionId: world.emulator.createSession(),
      allowUpload: true,
      // A request the emulator never answers (its `timeout` fault) ends within the run's pace.
      requestTimeout: REQUEST_TIMEOUT_MS,
    });
    return new Driver(world, element);
  }

  /** Takes the element out of the page for good. */
  async unmount(): Promise<void> {
    this.element.remove();
    this.world.emulator.clearFaults();
    this.world.cameraFault = null;
    await nextTask();
  }

  /**
   * The button an action presses: one of those that lead on, or (one pick in eight) any, cancel included. With
   * nothing but cancel on screen (a request under way), seven picks in eight wait, as users do.
   */
  pickButton(pick: number): HTMLButtonElement | null {
    const buttons = visibleButtons(this.element);
    const onward = buttons.filter((button) => !button.matches('[part~="cancel-button"]'));
    const from = pick % 8 === 0 ? buttons : onward;
    return from.length === 0 ? null : (from[Math.floor(pick / 8) % from.length] ?? null);
  }

  async perform(action: Action): Promise<void> {
    const { element, world } = this;
    switch (action.kind) {
      case 'click':
        this.pickButton(action.pick)?.click();
        return;
      case 'key': {
        const button = this.pickButton(action.pick);
        if (!button) return;
        button.focus();
        await sendKeys({ press: action.key });
        return;
      }
      case 'attribute': {
        const { name, value } = action;
        if (action.as === 'attribute') {
          if (value === null) element.removeAttribute(name);
          else element.setAttribute(name, value);
        } else {
          const property = BOOLEAN_ATTRIBUTES.includes(name) ? value !== null : (value ?? undefined);
          (element as unknown as Record<string, unknown>)[PROPERTY_OF[name]] = property;
        }
        return;
      }
      case 'session': {
        const { emulator } = world;
        if (action.which === 'removed') {
          element.removeAttribute('session-id');
          return;
        }
        let id = 'made-up-session';
        if (action.which !== 'made-up') id = emulator.createSession();
        if (action.which === 'expired') emulator.expireSession(id);
        element.setAttribute('session-id', id);
        return;
      }
      case 'call':
        element[action.method]();
        return;
      case 'remount': {
        element.remove();
        if (action.pause) await sleep(100);
        this.parent.appendChild(element);
        return;
      }
      case 'hide':
        world.visibility.set('hidden');
        await sleep(action.ms);
        world.visibility.set('visible');
        return;
      case 'camera':
        if (action.fault === 'ok') world.cameraFault = null;
        else if (action.fault !== 'lost') {
          world.cameraFault = action.fault;
          world.cameraFaultsLeft = 2;
        } else {
          for (const track of world.streams.flatMap((stream) => stream.getTracks())) {
            if (track.readyState !== 'live') continue;
            track.stop();
            track.dispatchEvent(new Event('ended'));
          }
        }
        return;
      case 'scene':
        await showPicture(`${PICTURES}${SCENES[action.scene]}.jpg`);
        return;
      case 'upload': {
        const input = element.shadowRoot?.querySelector<HTMLInputElement>('input[type=file]');
        if (!input) return;
        const transfer = new DataTransfer();
        transfer.items.add(world.files[action.file]);
        input.files = transfer.files;
        input.dispatchEvent(new Event('change', { bubbles: true }));
        return;
      }
      case 'fault':
        // One fault waits at a time: queued faults would otherwise outnumber the requests.
        world.emulator.clearFaults();
        world.emulator.inject(action.fault, { endpoint: action.endpoint, times: action.times });
        return;
      case 'expire': {
        const id = element.sessionId;
        if (id) world.emulator.expireSession(id);
        return;
      }
      case 'wait':
        await sleep(action.ms);
        return;
    }
  }
}

export interface RunFailure {
  invariant: string;
  message: string;
  /** Index, in the list run, of the action after which the invariant failed. */
  at: number;
}

/**
 * Runs `actions` against a fresh element, checking every invariant after each one. Returns the first failure,
 * or null. The element is removed at the end, and what is left behind checked once more.
 */
export async function runActions(actions: readonly Action[], onAction: (action: Action) => void = () => undefined): Promise<RunFailure | null> {
  const world = await monkeyWorld();
  const driver = await Driver.mount(world);
  const watcher = new Watcher(driver);
  let at = 0;
  try {
    for (; at < actions.length; at++) {
      const action = actions[at]!;
      onAction(action);
      const before = watcher.beforeAction(action);
      await driver.perform(action);
      await watcher.check(action, before);
    }
    await watcher.finish();
    return null;
  } catch (error) {
    if (error instanceof InvariantFailure) return { invariant: error.invariant, message: error.detail, at };
    return { invariant: 'driver', message: error instanceof Error ? `${error.name}: ${error.message}` : String(error), at };
  } finally {
    watcher.dispose();
    await driver.unmount();
  }
}
