// Loaded only where an `api-key` is set: a development setting, whose warning the first bundle need not carry.

const LOCAL_HOSTNAME = /^(localhost|.+\.localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\])$/;

/** `location.hostname` values that only this device reaches: loopback addresses and `localhost` names. */
export function isLocalHostname(hostname: string): boolean {
  return LOCAL_HOSTNAME.test(hostname);
}

/** What to tell the developer when an `api-key` is used on a page served at `hostname`; `null` on this device. */
export function keyExposureWarning(hostname: string): string | null {
  if (isLocalHostname(hostname)) return null;
  return (
    '<ekyc-flow>: api-key is set on a public origin. Anyone can read it from this page. ' +
    'Create sessions on your server and pass session-id instead.'
  );
}

let warned = false;

/** Warns the developer once a page, where an `api-key` is used on a page served at `hostname` not on this device. */
export function warnAboutKey(hostname: string): void {
  const warning = keyExposureWarning(hostname);
  if (!warning || warned) return;
  warned = true;
  console.warn(warning);
}
