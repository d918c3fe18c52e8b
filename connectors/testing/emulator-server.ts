/**
 * The HTTP server under every vendor emulator: listens on a free local port, answers 500 (in the vendor's
 * own shape where given) when the emulator's handler throws, and closes with its keep-alive connections.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface EmulatorServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  close(): Promise<void>;
}

export async function startEmulatorServer(
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
  internalError: { headers?: Record<string, string>; body?: string } = {},
): Promise<EmulatorServer> {
  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, internalError.headers);
      res.end(internalError.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close() {
      server.closeAllConnections();
      return new Promise((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
    },
  };
}
