import type { ProxyConfig } from './config.js';
import { HttpError } from './errors.js';
import type { ProxyHooks } from './hooks.js';

export interface ProxyOptions extends ProxyConfig {
  hooks?: ProxyHooks | undefined;
  /** Receives one line a request (method, path, status, time) and upstream refusals; never headers or bodies. */
  log?: ((line: string) => void) | undefined;
}

/** Runs an integrator's hook; a failure becomes a 500 so that no unkept result reaches the user. */
export async function keep(options: ProxyOptions, run: () => void | Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    options.log?.(`a result hook failed: ${error instanceof Error ? error.name : 'error'}`);
    throw new HttpError(500, 'The result could not be kept.');
  }
}

/** The upstream URL for an API path, under the configured base (which may have a path of its own). */
export const upstreamUrl = (options: ProxyOptions, path: string): URL => new URL(options.apiBase + path);
