import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A server listening: its address, and how to stop it. */
export interface Listening {
  /** `http://host:port`, for tests and logs. */
  url: string;
  /** Stops listening and drops every open connection, hanging ones included. */
  close(): Promise<void>;
}

/** Starts `server` on `port` (0: any free one) and `host` (default `127.0.0.1`); rejects when it cannot listen. */
export async function startListening(server: Server, port = 0, host = '127.0.0.1'): Promise<Listening> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const hostname = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${hostname}:${address.port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
