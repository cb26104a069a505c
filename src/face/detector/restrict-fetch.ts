/** The part of a global scope that `restrictFetch` replaces. */
export interface FetchScope {
  fetch: typeof fetch;
}

/**
 * Makes `scope.fetch` refuse every URL that `allowed` rejects (with a `TypeError`, like a
 * network error). Used in the face worker, whose global scope is ours: whatever MediaPipe
 * tries to fetch there can only come from the assets' and the page's origins.
 */
export function restrictFetch(scope: FetchScope, allowed: (url: URL) => boolean, baseUrl: string): void {
  const nativeFetch = scope.fetch.bind(scope);
  scope.fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : input, baseUrl);
    if (!allowed(url)) return Promise.reject(new TypeError(`the face detector does not fetch from ${url.origin}`));
    return nativeFetch(input, init);
  };
}
