/** The browser: `CHROME_PATH`, or Debian's `/usr/bin/chromium`. */
export const CHROMIUM_PATH: string;
/** Runs as root on a closed network, with a fake camera that needs no permission prompt. */
export const CHROMIUM_ARGS: readonly string[];
