import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ErrorCode, type SynclineError } from '@syncline/errors';
import { recordingGate } from '../../../testing/recording-gate';
import { destinationHttp } from '../destination-http';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
let server: Server;
let baseUrl: string;
const handlers: Handler[] = [];
const seen: string[] = [];

beforeEach(async () => {
  handlers.length = 0;
  seen.length = 0;
  server = createServer((req, res) => {
    seen.push(req.url ?? '');
    const handler = handlers.shift() ?? ((_, r) => r.writeHead(200).end('{"ok":true}'));
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
});
afterEach(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const failure = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: unknown) => e as SynclineError,
  );

describe('destinationHttp', () => {
  it('sends JSON with the headers and query, and parses the answer', async () => {
    const http = destinationHttp({ vendor: 'Acme', baseUrl, headers: () => ({ Authorization: 'Bearer t' }) });
    handlers.push((req, res) => {
      expect(req.headers.authorization).toBe('Bearer t');
      expect(req.headers['content-type']).toBe('application/json');
      res.writeHead(207, { 'Content-Type': 'application/json' }).end('{"errors":[1]}');
    });
    const answer = await http.send({ method: 'POST', path: '/batch', query: { a: 1 }, json: { x: 1 } });
    expect([answer.status, answer.json]).toEqual([207, { errors: [1] }]);
    expect(seen).toEqual(['/api/batch?a=1']);
  });

  it('waits out a 429 through the gate, pausing it for everyone, then sends again', async () => {
    const gate = recordingGate();
    handlers.push((_, res) => res.writeHead(429, { 'Retry-After': '1' }).end());
    const started = Date.now();
    const answer = await destinationHttp({ vendor: 'Acme', baseUrl, gate }).send({
      method: 'GET',
      path: '/x',
    });
    expect(answer.status).toBe(200);
    expect(gate.pauses).toEqual([1000]);
    expect(gate.acquired).toBe(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('hands a long Retry-After to the run retry as RateLimited', async () => {
    handlers.push((_, res) => res.writeHead(429, { 'Retry-After': '90' }).end());
    const err = await failure(
      destinationHttp({ vendor: 'Acme', baseUrl }).send({ method: 'GET', path: '/x' }),
    );
    expect([err.code, err.retryAfterMs, err.transient]).toEqual([ErrorCode.RateLimited, 90_000, true]);
  });

  it('treats a vendor-specific throttle answer like a 429', async () => {
    const gate = recordingGate();
    handlers.push((_, res) => res.writeHead(400).end('{"error":{"code":80003}}'));
    const http = destinationHttp({
      vendor: 'Meta',
      baseUrl,
      gate,
      throttleDelayMs: (a) =>
        (a.json as { error?: { code?: number } })?.error?.code === 80003 ? 200 : undefined,
    });
    expect((await http.send({ method: 'GET', path: '/x' })).status).toBe(200);
    expect(gate.pauses).toEqual([200]);
  });

  it('turns 5xx and timeouts into transient errors that name the host, never the path or query', async () => {
    handlers.push((_, res) => res.writeHead(502).end('bad gateway'));
    const http = destinationHttp({ vendor: 'Acme', baseUrl, timeoutMs: 200 });
    const down = await failure(http.send({ method: 'GET', path: '/x', query: { access_token: 'SECRET' } }));
    expect([down.code, down.transient]).toEqual([ErrorCode.DestinationUnavailable, true]);
    expect(down.message).toBe(`Acme (${new URL(baseUrl).host}) is unavailable (HTTP 502): bad gateway`);
    handlers.push(() => undefined); // never answers
    const slow = await failure(http.send({ method: 'GET', path: '/x', query: { access_token: 'SECRET' } }));
    expect(slow.message).toContain('no answer within 200 ms');
    expect(`${down.message}${slow.message}`).not.toContain('SECRET');
  });

  it('starts the timeout only once the gate lets the request go', async () => {
    const gate = recordingGate();
    await gate.pause(400);
    handlers.push((_, res) => setTimeout(() => res.writeHead(200).end(), 100));
    const http = destinationHttp({ vendor: 'Acme', baseUrl, gate, timeoutMs: 300 });
    expect((await http.send({ method: 'GET', path: '/x' })).status).toBe(200);
  });
});
