import { EventEmitter } from 'node:events';
import type { EkycStore } from './types.js';

interface Entry {
  value: string;
  expiresAt: number;
}

const SWEEP_EVERY_MS = 60_000;

/**
 * The store of one process, in memory: the default. Expired entries are dropped
 * when read and swept once a minute, so memory follows the live data.
 */
export function createMemoryStore(options: { now?: () => number } = {}): EkycStore {
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();
  const channels = new EventEmitter();
  channels.setMaxListeners(0);

  const live = (key: string): Entry | undefined => {
    const entry = entries.get(key);
    if (entry && entry.expiresAt <= now()) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  };
  const sweep = setInterval(() => {
    const time = now();
    for (const [key, entry] of entries) if (entry.expiresAt <= time) entries.delete(key);
  }, SWEEP_EVERY_MS);
  sweep.unref();

  return {
    get: (key) => Promise.resolve(live(key)?.value ?? null),
    set: (key, value, ttlMs) => {
      entries.set(key, { value, expiresAt: now() + ttlMs });
      return Promise.resolve();
    },
    setIfAbsent: (key, value, ttlMs) => {
      if (live(key)) return Promise.resolve(false);
      entries.set(key, { value, expiresAt: now() + ttlMs });
      return Promise.resolve(true);
    },
    take: (key) => {
      const entry = live(key);
      entries.delete(key);
      return Promise.resolve(entry?.value ?? null);
    },
    delete: (key) => {
      entries.delete(key);
      return Promise.resolve();
    },
    increment: (key, ttlMs) => {
      const entry = live(key) ?? { value: '0', expiresAt: now() + ttlMs };
      entry.value = String(Number(entry.value) + 1);
      entries.set(key, entry);
      return Promise.resolve({ count: Number(entry.value), ttlMs: entry.expiresAt - now() });
    },
    publish: (channel, message) => {
      // Delivered after the caller's current step, as a network store would.
      queueMicrotask(() => channels.emit(channel, message));
      return Promise.resolve();
    },
    subscribe: (channel, listener) => {
      channels.on(channel, listener);
      return Promise.resolve(() => {
        channels.off(channel, listener);
        return Promise.resolve();
      });
    },
    close: () => {
      clearInterval(sweep);
      entries.clear();
      channels.removeAllListeners();
      return Promise.resolve();
    },
  };
}
