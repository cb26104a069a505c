import type { EkycStore } from './types.js';

export interface RedisStoreOptions {
  /** `redis://[user:password@]host:port[/db]` or `rediss://…` for TLS. */
  url: string;
  /** Put before every key and channel, so that several apps can share one Redis (default `ekyc:`). */
  prefix?: string;
  /**
   * A command Redis has not answered within this time fails (default 2 s), so that a Redis that
   * hangs holds no request; the server's own deadline (`limits.storeTimeoutMs`) answers first.
   */
  commandTimeoutMs?: number;
}

/** Adds one and starts the lifetime on the first increment; answers [count, milliseconds left]. */
const INCREMENT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return { count, redis.call('PTTL', KEYS[1]) }`;

/** The few commands used here, as ioredis types them: the client stays an optional dependency. */
interface RedisClient {
  get(key: string): Promise<string | null>;
  set(key: string, value: string, px: 'PX', ttl: number): Promise<unknown>;
  set(key: string, value: string, px: 'PX', ttl: number, nx: 'NX'): Promise<string | null>;
  getdel(key: string): Promise<string | null>;
  del(key: string): Promise<number>;
  eval(script: string, keys: number, key: string, ttl: number): Promise<unknown>;
  publish(channel: string, message: string): Promise<number>;
  subscribe(channel: string): Promise<unknown>;
  unsubscribe(channel: string): Promise<unknown>;
  on(event: 'message', listener: (channel: string, message: string) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  duplicate(): RedisClient;
  quit(): Promise<unknown>;
  connect(): Promise<void>;
}

type RedisConstructor = new (url: string, options: Record<string, unknown>) => RedisClient;

async function loadClient(): Promise<RedisConstructor> {
  try {
    const module = (await import('ioredis')) as unknown as { Redis: RedisConstructor };
    return module.Redis;
  } catch (cause) {
    throw new Error('The Redis store needs the ioredis package: npm install ioredis', { cause });
  }
}

/**
 * A store in Redis, shared by every instance that uses the same URL and prefix.
 * Loads `ioredis` (an optional peer dependency) only when called, and connects
 * before it resolves, so a wrong URL fails at start-up rather than on the first user.
 */
export async function createRedisStore(options: RedisStoreOptions): Promise<EkycStore> {
  const Redis = await loadClient();
  const prefix = options.prefix ?? 'ekyc:';
  const connection = {
    lazyConnect: true,
    maxRetriesPerRequest: 2,
    enableOfflineQueue: true,
    commandTimeout: options.commandTimeoutMs ?? 2_000,
  };
  const client = new Redis(options.url, connection);
  client.on('error', () => undefined); // reported to each command's caller; no unhandled 'error' event
  await client.connect();
  let subscriber: RedisClient | null = null;
  const listeners = new Map<string, Set<(message: string) => void>>();

  const subscriberClient = (): RedisClient => {
    if (subscriber) return subscriber;
    const created = client.duplicate();
    created.on('error', () => undefined);
    created.on('message', (channel, message) => {
      for (const listener of listeners.get(channel) ?? []) listener(message);
    });
    subscriber = created;
    return created;
  };

  return {
    get: (key) => client.get(prefix + key),
    set: async (key, value, ttlMs) => {
      await client.set(prefix + key, value, 'PX', Math.max(1, Math.ceil(ttlMs)));
    },
    setIfAbsent: async (key, value, ttlMs) =>
      (await client.set(prefix + key, value, 'PX', Math.max(1, Math.ceil(ttlMs)), 'NX')) === 'OK',
    take: (key) => client.getdel(prefix + key),
    delete: async (key) => {
      await client.del(prefix + key);
    },
    increment: async (key, ttlMs) => {
      const answer = (await client.eval(INCREMENT, 1, prefix + key, Math.max(1, Math.ceil(ttlMs)))) as [number, number];
      return { count: answer[0], ttlMs: Math.max(0, answer[1]) };
    },
    publish: async (channel, message) => {
      await client.publish(prefix + channel, message);
    },
    subscribe: async (channel, listener) => {
      const name = prefix + channel;
      const connection = subscriberClient();
      let set = listeners.get(name);
      if (!set) {
        set = new Set();
        listeners.set(name, set);
        await connection.subscribe(name);
      }
      set.add(listener);
      return async () => {
        const current = listeners.get(name);
        current?.delete(listener);
        if (current?.size === 0) {
          listeners.delete(name);
          await connection.unsubscribe(name);
        }
      };
    },
    close: async () => {
      listeners.clear();
      await Promise.allSettled([client.quit(), subscriber?.quit()]);
    },
  };
}
