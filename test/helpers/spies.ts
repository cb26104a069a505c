/** Spies that record what the page does with consoles, storage, object URLs and listeners. */

type ConsoleMethod = 'log' | 'info' | 'warn' | 'error' | 'debug' | 'trace';
const CONSOLE_METHODS: ConsoleMethod[] = ['log', 'info', 'warn', 'error', 'debug', 'trace'];

export interface ConsoleCall {
  method: ConsoleMethod;
  text: string;
}

function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Error) return `${value.name}: ${value.message} ${value.stack ?? ''}`;
  try {
    const json = JSON.stringify(value) as string | undefined;
    return json ?? String(value);
  } catch {
    return String(value);
  }
}

/** Records every console call (and still prints it). */
export function spyConsole(): { calls: ConsoleCall[]; restore(): void } {
  const calls: ConsoleCall[] = [];
  const originals = CONSOLE_METHODS.map((method) => [method, console[method].bind(console)] as const);
  for (const [method, original] of originals) {
    console[method] = (...args: unknown[]) => {
      calls.push({ method, text: args.map(asText).join(' ') });
      original(...args);
    };
  }
  return {
    calls,
    restore: () => {
      for (const [method, original] of originals) console[method] = original;
    },
  };
}

/** Records `label` in `used`, unless the caller is one `ignored` recognises by its stack. */
type Recorder = (label: string) => void;

/** Replaces `object[name]` (a method) with a counting wrapper that still calls it. */
function countCalls<T extends object>(object: T, name: keyof T & string, label: string, record: Recorder): () => void {
  const descriptor = Object.getOwnPropertyDescriptor(object, name);
  const original = descriptor?.value as unknown;
  if (typeof original !== 'function') return () => undefined;
  Object.defineProperty(object, name, {
    ...descriptor,
    value: function (this: unknown, ...args: unknown[]): unknown {
      record(label);
      return (original as (...args: unknown[]) => unknown).apply(this, args);
    },
  });
  return () => {
    if (descriptor) Object.defineProperty(object, name, descriptor);
  };
}

/**
 * Records every use of the browser's persistent stores: Web Storage (local and session),
 * IndexedDB, cookies and the Cache API. Calls whose stack `ignored` accepts (test
 * infrastructure) are left out.
 */
export function spyStorage(ignored: (stack: string) => boolean = () => false): { used: string[]; restore(): void } {
  const used: string[] = [];
  const record: Recorder = (label) => {
    if (!ignored(new Error().stack ?? '')) used.push(label);
  };
  const restores: (() => void)[] = [];
  for (const name of ['getItem', 'setItem', 'removeItem', 'clear', 'key'] as const) {
    restores.push(countCalls(Storage.prototype, name, `Storage.${name}`, record));
  }
  for (const name of ['open', 'deleteDatabase', 'databases'] as const) {
    restores.push(countCalls(IDBFactory.prototype, name, `indexedDB.${name}`, record));
  }
  for (const name of ['open', 'match', 'has', 'keys', 'delete'] as const) {
    restores.push(countCalls(CacheStorage.prototype, name, `caches.${name}`, record));
  }
  Object.defineProperty(document, 'cookie', {
    configurable: true,
    get() {
      record('document.cookie (read)');
      return Reflect.get(Document.prototype, 'cookie', document);
    },
    set(value: string) {
      record('document.cookie (write)');
      Reflect.set(Document.prototype, 'cookie', value, document);
    },
  });
  restores.push(() => Reflect.deleteProperty(document, 'cookie'));
  return {
    used,
    restore: () => {
      for (const restore of restores) restore();
    },
  };
}

/** Counts object URLs created and not yet revoked. */
export function countObjectUrls(): { outstanding(): number; created(): number; restore(): void } {
  const create = Object.getOwnPropertyDescriptor(URL, 'createObjectURL');
  const revoke = Object.getOwnPropertyDescriptor(URL, 'revokeObjectURL');
  const createObjectURL = URL.createObjectURL.bind(URL);
  const revokeObjectURL = URL.revokeObjectURL.bind(URL);
  const live = new Set<string>();
  let created = 0;
  URL.createObjectURL = (object) => {
    const url = createObjectURL(object);
    created += 1;
    live.add(url);
    return url;
  };
  URL.revokeObjectURL = (url) => {
    live.delete(url);
    revokeObjectURL(url);
  };
  return {
    outstanding: () => live.size,
    created: () => created,
    restore: () => {
      if (create) Object.defineProperty(URL, 'createObjectURL', create);
      if (revoke) Object.defineProperty(URL, 'revokeObjectURL', revoke);
    },
  };
}

interface Registration {
  target: EventTarget;
  type: string;
  listener: EventListenerOrEventListenerObject;
  capture: boolean;
}

const captureOf = (options: boolean | AddEventListenerOptions | EventListenerOptions | undefined): boolean =>
  typeof options === 'boolean' ? options : options?.capture === true;

/**
 * Keeps the listeners added and not removed, on every target, by wrapping
 * `EventTarget.prototype.addEventListener` / `removeEventListener`.
 * (`once` listeners that fired and signal-removed ones still count: compare like with like.)
 */
export function countListeners(): { active(filter: (target: EventTarget) => boolean): number; restore(): void } {
  const prototype = EventTarget.prototype;
  const add = Object.getOwnPropertyDescriptor(prototype, 'addEventListener');
  const remove = Object.getOwnPropertyDescriptor(prototype, 'removeEventListener');
  const addEventListener = add?.value as EventTarget['addEventListener'];
  const removeEventListener = remove?.value as EventTarget['removeEventListener'];
  const registrations: Registration[] = [];
  const same = (a: Registration, b: Registration): boolean =>
    a.target === b.target && a.type === b.type && a.listener === b.listener && a.capture === b.capture;
  prototype.addEventListener = function (this: EventTarget, type, listener, options) {
    if (listener) {
      const registration = { target: this, type, listener, capture: captureOf(options) };
      if (!registrations.some((known) => same(known, registration))) registrations.push(registration);
    }
    addEventListener.call(this, type, listener, options);
  };
  prototype.removeEventListener = function (this: EventTarget, type, listener, options) {
    if (listener) {
      const registration = { target: this, type, listener, capture: captureOf(options) };
      const index = registrations.findIndex((known) => same(known, registration));
      if (index >= 0) registrations.splice(index, 1);
    }
    removeEventListener.call(this, type, listener, options);
  };
  return {
    active: (filter) => registrations.filter((registration) => filter(registration.target)).length,
    restore: () => {
      if (add) Object.defineProperty(prototype, 'addEventListener', add);
      if (remove) Object.defineProperty(prototype, 'removeEventListener', remove);
    },
  };
}
