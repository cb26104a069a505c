import { EMULATOR_FAULTS, type EmulatorEndpoint, type EmulatorFault } from '../../src/emulator/index.js';
import { random, type Random } from './random.js';

/** Attributes the monkey changes mid-flow, with the values it tries (`null`: removed); see also `INVALID`. */
export const ATTRIBUTES = {
  'document-type': ['idr', 'idr', 'passport', 'dlr'],
  lang: ['vi', 'en', null],
  flow: ['full', 'full', 'ocr-only'],
  'manual-capture': ['', null],
  'allow-upload': ['', null],
  'liveness-challenge': ['none', 'turn-head'],
  'api-key': ['demo-key', null],
} as const satisfies Record<string, readonly (string | null)[]>;

export type AttributeName = keyof typeof ATTRIBUTES;

/** One attribute change in ten sets a value the element must refuse (`bad-config`), until a later change mends it. */
const INVALID: Partial<Record<AttributeName, string>> = { 'document-type': 'bogus', lang: 'fr', flow: 'bogus', 'liveness-challenge': 'bogus' };

/** What the camera films: the test pictures. */
export const SCENES = {
  card: 'card-scene',
  'blurred-card': 'card-scene-blurred',
  'card-with-glare': 'card-scene-glare',
  'id-card-with-qr': 'cccd-2021',
  'no-card': 'empty-room',
  face: 'person-a',
  'face-in-a-room': 'scene-person-a',
  'two-faces': 'two-people',
} as const;

export type Scene = keyof typeof SCENES;

/** The camera refuses the next two requests (`NotAllowedError`…), ends its live tracks (`lost`), or works again. */
export type CameraFault = 'NotAllowedError' | 'NotReadableError' | 'NotFoundError' | 'lost' | 'ok';

export type UploadKind = 'card' | 'face' | 'corrupt' | 'empty';

/**
 * One thing a user, the page or the world does. Actions are data, made from the seed alone (never from what the
 * element shows), so that any subset of a run's actions can be replayed: `pick` chooses among whatever buttons
 * are there when the action runs.
 */
export type Action =
  /** `pick` chooses among the buttons on screen; one pick in eight may land on a cancel button. */
  | { kind: 'click'; pick: number }
  /** `' '`: the space bar, by the name every driver knows it by (WebDriver BiDi has no "Space"). */
  | { kind: 'key'; pick: number; key: 'Enter' | ' ' }
  | { kind: 'attribute'; name: AttributeName; value: string | null; as: 'attribute' | 'property' }
  | { kind: 'session'; which: 'new' | 'expired' | 'made-up' | 'removed' }
  | { kind: 'call'; method: 'start' | 'reset' | 'cancel' }
  | { kind: 'remount'; pause: boolean }
  | { kind: 'hide'; ms: number }
  | { kind: 'camera'; fault: CameraFault }
  | { kind: 'scene'; scene: Scene }
  | { kind: 'upload'; file: UploadKind }
  | { kind: 'fault'; fault: EmulatorFault; endpoint: EmulatorEndpoint | 'any'; times: number }
  | { kind: 'expire' }
  | { kind: 'wait'; ms: number };

type Kind = Action['kind'];

/** How often each kind comes: mostly what a user does (buttons, waiting), then the page and the world. */
const WEIGHTS: readonly (readonly [Kind, number])[] = [
  ['click', 45],
  ['key', 6],
  ['wait', 14],
  ['attribute', 7],
  ['session', 3],
  ['call', 4],
  ['remount', 3],
  ['hide', 2],
  ['camera', 3],
  ['scene', 6],
  ['upload', 7],
  ['fault', 5],
  ['expire', 1],
];

function nextAction(rng: Random): Action {
  const kind = rng.weighted(WEIGHTS);
  switch (kind) {
    case 'click':
      return { kind, pick: rng.int(1000) };
    case 'key':
      return { kind, pick: rng.int(1000), key: rng.pick(['Enter', ' '] as const) };
    case 'attribute': {
      const name = rng.pick(Object.keys(ATTRIBUTES) as AttributeName[]);
      const invalid = INVALID[name];
      const value = invalid !== undefined && rng.next() < 0.1 ? invalid : rng.pick(ATTRIBUTES[name]);
      return { kind, name, value, as: rng.pick(['attribute', 'property'] as const) };
    }
    case 'session':
      return { kind, which: rng.weighted([['new', 8], ['expired', 1], ['made-up', 1], ['removed', 1]] as const) };
    case 'call':
      return { kind, method: rng.weighted([['start', 3], ['reset', 1], ['cancel', 1]] as const) };
    case 'remount':
      return { kind, pause: rng.next() < 0.5 };
    case 'hide':
      return { kind, ms: rng.pick([0, 100, 600]) };
    case 'camera':
      return { kind, fault: rng.weighted([['NotAllowedError', 1], ['NotReadableError', 1], ['NotFoundError', 1], ['lost', 2], ['ok', 3]] as const) };
    case 'scene':
      return { kind, scene: rng.pick(Object.keys(SCENES) as Scene[]) };
    case 'upload':
      return { kind, file: rng.weighted([['card', 3], ['face', 3], ['corrupt', 1], ['empty', 1]] as const) };
    case 'fault':
      return {
        kind,
        fault: rng.pick(EMULATOR_FAULTS),
        endpoint: rng.pick(['init', 'ocr', 'face', 'any'] as const),
        times: rng.weighted([[1, 4], [2, 1]] as const),
      };
    case 'expire':
      return { kind };
    case 'wait':
      return { kind, ms: rng.pick([50, 200, 500, 1000, 2000]) };
  }
}

/** What mends `action` (a refused value, a session gone), or null. */
function mending(action: Action): Action | null {
  if (action.kind === 'attribute' && action.value !== null && action.value === INVALID[action.name]) {
    return { ...action, value: ATTRIBUTES[action.name][0] };
  }
  if (action.kind === 'session' && action.which !== 'new') return { kind: 'session', which: 'new' };
  return null;
}

/**
 * The actions of `seed`: the same list every time, on every engine. A page that sets a refused value or loses its
 * session mends it a few actions later, as an integrator fixing a page would (else most of a long run would be
 * spent on the error screen it leads to).
 */
export function actionsOf(seed: number, count: number): Action[] {
  const rng = random(seed);
  const actions: Action[] = [];
  const mends = new Map<number, Action[]>();
  while (actions.length < count) {
    const due = mends.get(actions.length);
    mends.delete(actions.length);
    const action = due?.shift() ?? nextAction(rng);
    if (due && due.length > 0) mends.set(actions.length + 1, [...due, ...(mends.get(actions.length + 1) ?? [])]);
    const mend = mending(action);
    if (mend) {
      const at = actions.length + 2 + rng.int(10);
      mends.set(at, [...(mends.get(at) ?? []), mend]);
    }
    actions.push(action);
  }
  return actions;
}

/** One line a person can read. */
export function describeAction(action: Action): string {
  const { kind, ...rest } = action;
  const values = Object.values(rest).map((value) => (value === null ? 'null' : value === ' ' ? 'space' : String(value)));
  return [kind, ...values].join(' ');
}
