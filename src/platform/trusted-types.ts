/**
 * Name of the Trusted Types policy the face module creates (only where Trusted Types exist).
 * A page whose CSP has a `trusted-types` directive must list it for the detector to run in a worker;
 * without it the detector falls back to the main thread.
 */
export const TRUSTED_TYPES_POLICY_NAME = 'ekyc-flow';

/** Where Trusted Types exist this is a `TrustedScriptURL`; the DOM typings only know strings. */
type ScriptUrl = string;

interface ScriptUrlPolicy {
  createScriptURL(input: string): ScriptUrl;
}

interface PolicyFactory {
  createPolicy(name: string, rules: { createScriptURL(input: string): string }): ScriptUrlPolicy;
}

let policy: ScriptUrlPolicy | null | undefined;

function sameOriginOnly(input: string): string {
  const url = new URL(input, globalThis.location.href);
  if (url.origin !== globalThis.location.origin) {
    throw new TypeError(`${TRUSTED_TYPES_POLICY_NAME}: refusing a script from another origin: ${url.href}`);
  }
  return url.href;
}

function scriptUrlPolicy(): ScriptUrlPolicy | null {
  if (policy !== undefined) return policy;
  const factory = (globalThis as { trustedTypes?: PolicyFactory }).trustedTypes;
  try {
    policy = factory ? factory.createPolicy(TRUSTED_TYPES_POLICY_NAME, { createScriptURL: sameOriginOnly }) : null;
  } catch {
    // The page's `trusted-types` directive does not allow this policy name.
    policy = null;
  }
  return policy;
}

/**
 * A script URL that passes `require-trusted-types-for 'script'`: vetted by the
 * {@link TRUSTED_TYPES_POLICY_NAME} policy (same origin only), or the plain URL where
 * Trusted Types are absent or the policy is not allowed.
 */
export function trustedScriptUrl(url: URL): ScriptUrl {
  const allowed = scriptUrlPolicy();
  return allowed ? allowed.createScriptURL(url.href) : url.href;
}

/**
 * `Worker`, whose script URL passes through {@link trustedScriptUrl}. Bind it to a local named `Worker` and call it as
 * `new Worker(new URL('./x.ts', import.meta.url), options)`: bundlers only bundle a worker written literally so.
 * A function, so that importing this module never touches `Worker` (server-side rendering has none).
 */
export function trustedWorker(): new (url: URL, options: WorkerOptions) => Worker {
  return class extends globalThis.Worker {
    constructor(url: URL, options: WorkerOptions) {
      super(trustedScriptUrl(url), options);
    }
  };
}
