/**
 * A tiny stand-in for a Postgres server, for the failures a trust-auth test server cannot produce:
 * `reject-password` asks for a password and refuses it with SQLSTATE 28P01 (exactly what a real server sends),
 * `silent` accepts TCP connections and never answers (a firewall black hole, for connect timeouts).
 */
import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface FakePostgresServer {
  port: number;
  /** Passwords clients sent, so a test can prove the secret really went over the wire. */
  passwordsSeen: string[];
  close(): Promise<void>;
}

const SSL_REQUEST_CODE = 80877103;

export async function startFakePostgres(mode: 'reject-password' | 'silent'): Promise<FakePostgresServer> {
  const passwordsSeen: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    if (mode === 'silent') return;
    let buffer = Buffer.alloc(0);
    let startedUp = false;
    let user = '';
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        // Startup-phase messages have no type byte; later ones do.
        const offset = startedUp ? 1 : 0;
        if (buffer.length < offset + 4) return;
        const length = buffer.readInt32BE(offset);
        if (buffer.length < offset + length) return;
        const message = buffer.subarray(0, offset + length);
        buffer = buffer.subarray(offset + length);
        if (!startedUp && message.readInt32BE(4) === SSL_REQUEST_CODE) {
          socket.write('N'); // no TLS here; the client continues in plain text or gives up
        } else if (!startedUp) {
          startedUp = true;
          user = startupParameter(message, 'user');
          socket.write(authenticationCleartextPassword());
        } else if (message[0] === 0x70 /* 'p' */) {
          passwordsSeen.push(message.subarray(5, message.length - 1).toString('utf8'));
          socket.end(errorResponse('28P01', `password authentication failed for user "${user}"`));
        }
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    passwordsSeen,
    close: () =>
      new Promise((resolve) => {
        sockets.forEach((s) => s.destroy());
        server.close(() => resolve());
      }),
  };
}

/** Startup parameters are NUL-terminated key/value pairs after the length and protocol version. */
function startupParameter(message: Buffer, name: string): string {
  const parts = message.subarray(8).toString('utf8').split('\0');
  const at = parts.indexOf(name);
  return at >= 0 && at % 2 === 0 ? (parts[at + 1] ?? '') : '';
}

function authenticationCleartextPassword(): Buffer {
  const message = Buffer.alloc(9);
  message.write('R', 0);
  message.writeInt32BE(8, 1);
  message.writeInt32BE(3, 5);
  return message;
}

function errorResponse(sqlState: string, text: string): Buffer {
  const fields = [`SFATAL`, `VFATAL`, `C${sqlState}`, `M${text}`].map((f) => Buffer.from(`${f}\0`));
  const payload = Buffer.concat([...fields, Buffer.from([0])]);
  const header = Buffer.alloc(5);
  header.write('E', 0);
  header.writeInt32BE(payload.length + 4, 1);
  return Buffer.concat([header, payload]);
}
