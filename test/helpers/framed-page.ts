// A page in a frame that reports once to the test that framed it: how the strict-CSP pages (`*.csp.html`) are tested.

/** Opens `url` in a frame and resolves with the first message of `type` it posts; the frame is removed then. */
export async function reportFromFramedPage<T extends { type: string }>(url: string, type: T['type']): Promise<T> {
  const frame = document.createElement('iframe');
  const report = new Promise<T>((resolve) => {
    window.addEventListener('message', function onMessage(event: MessageEvent<unknown>) {
      const data = event.data as Partial<T> | null;
      if (event.source !== frame.contentWindow || data?.type !== type) return;
      window.removeEventListener('message', onMessage);
      resolve(data as T);
    });
  });
  frame.src = url;
  document.body.append(frame);
  try {
    return await report;
  } finally {
    frame.remove();
  }
}

/**
 * In the framed page: runs `run`, then posts its result to the parent as `{ type, ...result, violations }`, with
 * every Content-Security-Policy violation the page saw.
 */
export function reportToParent<R extends object>(type: string, run: () => Promise<R>): void {
  const violations: string[] = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    violations.push(`${event.effectiveDirective} ${event.blockedURI}`);
  });
  void run().then(async (result) => {
    // Violation events are queued as tasks: let any pending ones arrive first.
    await new Promise((resolve) => setTimeout(resolve, 0));
    parent.postMessage({ type, ...result, violations }, location.origin);
  });
}
