// The devices the benchmark plays: the machine as it is, and a low-end phone on a slow mobile
// link, made with Chromium's own throttling (the Chrome DevTools Protocol, as DevTools does it).
import type { Page } from 'playwright';

export interface NetworkPreset {
  name: string;
  /** Added to every request, in ms (DevTools' request-level stand-in for the round trip). */
  latencyMs: number;
  /** Bytes a second. */
  downloadBytesPerSecond: number;
  uploadBytesPerSecond: number;
}

/**
 * DevTools' "Slow 4G" (formerly "Fast 3G"): a 150 ms round trip, 1.6 Mbit/s down, 0.75 Mbit/s up,
 * applied as DevTools applies it: request latency × 3.75 and throughput × 0.9, since the
 * throttling works per request rather than per packet.
 */
export const SLOW_4G: NetworkPreset = {
  name: 'Slow 4G (DevTools): 150 ms RTT, 1.6 Mbit/s down, 0.75 Mbit/s up',
  latencyMs: 150 * 3.75,
  downloadBytesPerSecond: (1.6e6 * 0.9) / 8,
  uploadBytesPerSecond: (0.75e6 * 0.9) / 8,
};

export interface Profile {
  name: 'desktop' | 'low-end';
  description: string;
  /** 1: as fast as the machine; 4: four times slower (the page's thread). */
  cpuSlowdown: number;
  network: NetworkPreset | null;
}

export const DESKTOP: Profile = { name: 'desktop', description: 'this machine, local network', cpuSlowdown: 1, network: null };
export const LOW_END: Profile = {
  name: 'low-end',
  description: `Chromium's CPU throttled 4× (the page's thread); ${SLOW_4G.name}`,
  cpuSlowdown: 4,
  network: SLOW_4G,
};
export const PROFILES: readonly Profile[] = [DESKTOP, LOW_END];

/** Throttles `page` as `profile` says, before it loads anything. */
export async function applyProfile(page: Page, profile: Profile): Promise<void> {
  if (profile.cpuSlowdown === 1 && !profile.network) return;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpuSlowdown });
  if (profile.network) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: profile.network.latencyMs,
      downloadThroughput: profile.network.downloadBytesPerSecond,
      uploadThroughput: profile.network.uploadBytesPerSecond,
    });
  }
}
