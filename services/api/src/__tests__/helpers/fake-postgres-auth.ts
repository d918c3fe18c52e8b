/**
 * A wire-level stand-in for a Postgres server that checks passwords. The shared test Postgres trusts
 * every local connection, so it cannot reject a wrong password; this answers the startup handshake the
 * way Postgres does (cleartext password request, then FATAL 28P01) for every password it receives.
 */
import { createServer, type Server, type Socket } from 'node:net';

function message(type: string, body: Buffer): Buffer {
  const header = Buffer.alloc(5);
  header.write(type, 0, 'ascii');
  header.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
}

function authFailed(user: string): Buffer {
  const field = (code: string, value: string) => Buffer.from(`${code}${value}\0`, 'utf8');
  return message(
    'E',
    Buffer.concat([
      field('S', 'FATAL'),
      field('V', 'FATAL'),
      field('C', '28P01'),
      field('M', `password authentication failed for user "${user}"`),
      Buffer.from([0]),
    ]),
  );
}

function handle(socket: Socket): void {
  let buffer = Buffer.alloc(0);
  let user = '';
  let started = false;
  socket.on('error', () => undefined);
  socket.on('data', (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    if (!started && buffer.length >= 4 && buffer.length >= buffer.readInt32BE(0)) {
      const params = buffer.subarray(8, buffer.readInt32BE(0)).toString('utf8').split('\0');
      user = params[params.indexOf('user') + 1] ?? '';
      buffer = buffer.subarray(buffer.readInt32BE(0));
      started = true;
      const ask = Buffer.alloc(4);
      ask.writeInt32BE(3, 0); // AuthenticationCleartextPassword
      socket.write(message('R', ask));
    } else if (started && buffer.length >= 5 && buffer.toString('ascii', 0, 1) === 'p') {
      socket.end(authFailed(user));
    }
  });
}

export async function startFakePostgresAuth(): Promise<{ port: number; close(): Promise<void> }> {
  const server: Server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return { port: address.port, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
