/** The cookie a page of the same site may carry the demo token in, instead of the header. */
export const DEMO_COOKIE = 'ekyc_demo_token';

/**
 * The example's stand-in for your login: `Authorization: Bearer <token>`, or the
 * `ekyc_demo_token` cookie, names one of `DEMO_USERS`. Replace it with your own
 * session check; whatever it returns is the subject sessions are bound to.
 */
export function demoLogin(users: ReadonlyMap<string, string>): (request: Request) => string | null {
  return (request) => {
    const bearer = /^Bearer (\S+)$/.exec(request.headers.get('authorization') ?? '')?.[1];
    const cookie = (request.headers.get('cookie') ?? '')
      .split(';')
      .map((pair) => pair.trim().split('='))
      .find(([name]) => name === DEMO_COOKIE)?.[1];
    const token = bearer ?? cookie;
    return token === undefined ? null : (users.get(token) ?? null);
  };
}
