/**
 * Test adapter between the Node snowflake-sdk and fakesnow's server: forwards every request, rewrites Arrow
 * answers into JSON rowsets (see arrow-rowset.ts) and adds the fields the driver expects (`code`, `chunks`).
 * It also plays Snowflake's login checks, which fakesnow skips: a configured password, or a key-pair JWT
 * verified against the user's public key, so wrong credentials fail as on Snowflake.
 */
import { createPublicKey, createVerify, type KeyObject } from 'node:crypto';
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { arrowToJsonRowset, type RowtypeColumn } from './arrow-rowset';

export interface FakesnowCredentials {
  user: string;
  password?: string;
  /** PEM public key for key-pair (SNOWFLAKE_JWT) logins. */
  publicKeyPem?: string;
}

export interface FakesnowProxy {
  url: string;
  close(): Promise<void>;
}

const LOGIN_FAILED = {
  data: null,
  code: '390100',
  message: 'Incorrect username or password was specified.',
  success: false,
};

export async function startFakesnowProxy(
  upstreamPort: number,
  credentials: FakesnowCredentials,
): Promise<FakesnowProxy> {
  const publicKey = credentials.publicKeyPem ? createPublicKey(credentials.publicKeyPem) : undefined;
  const server = createServer((req, res) => {
    void (async () => {
      const raw = await readBody(req);
      const gzipped = req.headers['content-encoding'] === 'gzip';
      const text = raw.length > 0 ? (gzipped ? gunzipSync(raw) : raw).toString('utf8') : '';
      let body = text;
      if (req.url?.startsWith('/session/v1/login-request')) {
        const login = JSON.parse(text) as { data: Record<string, unknown> };
        if (!loginAccepted(login.data, credentials, publicKey)) {
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(LOGIN_FAILED));
          return;
        }
        // fakesnow reads SESSION_PARAMETERS unconditionally; the Node driver omits it when empty.
        login.data.SESSION_PARAMETERS ??= {};
        body = JSON.stringify(login);
      }
      const wait = req.url?.startsWith('/queries/v1/query-request') ? systemWaitSeconds(body) : undefined;
      if (wait !== undefined) {
        // SYSTEM$WAIT is Snowflake's sleep; fakesnow lacks it. Holding the answer lets tests time out and cancel.
        await new Promise((r) => setTimeout(r, wait * 1000));
        res.writeHead(200, { 'content-type': 'application/json' }).end(waited(wait));
        return;
      }
      const upstream = await forward(upstreamPort, req, body);
      const answer = rewrite(upstream.body);
      res.writeHead(upstream.status, { 'content-type': 'application/json' }).end(answer);
    })().catch((err: unknown) => {
      res.writeHead(502, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ success: false, code: '000502', message: String(err), data: null }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => closeServer(server) };
}

function loginAccepted(
  data: Record<string, unknown>,
  credentials: FakesnowCredentials,
  publicKey: KeyObject | undefined,
): boolean {
  if (String(data.LOGIN_NAME ?? '').toUpperCase() !== credentials.user.toUpperCase()) return false;
  if (data.AUTHENTICATOR === 'SNOWFLAKE_JWT') {
    return publicKey !== undefined && typeof data.TOKEN === 'string' && jwtVerifies(data.TOKEN, publicKey);
  }
  return credentials.password !== undefined && data.PASSWORD === credentials.password;
}

function jwtVerifies(token: string, publicKey: KeyObject): boolean {
  const [header, payload, signature] = token.split('.');
  if (!header || !payload || !signature) return false;
  return createVerify('RSA-SHA256')
    .update(`${header}.${payload}`)
    .verify(publicKey, Buffer.from(signature, 'base64url'));
}

function systemWaitSeconds(body: string): number | undefined {
  const sqlText = (JSON.parse(body) as { sqlText?: string }).sqlText ?? '';
  const match = /^\s*select\s+system\$wait\((\d+)\)/i.exec(sqlText);
  return match ? Number(match[1]) : undefined;
}

function waited(seconds: number): string {
  return JSON.stringify({
    code: null,
    success: true,
    data: {
      rowtype: [{ name: 'SYSTEM$WAIT', type: 'text', nullable: true, length: 100 }],
      rowset: [[`waited ${seconds} seconds`]],
      returned: 1,
      total: 1,
      chunks: [],
      queryResultFormat: 'json',
      queryId: `wait-${Date.now()}`,
      parameters: [],
    },
  });
}

function rewrite(text: string): string {
  let parsed: { code?: unknown; data?: Record<string, unknown> | null };
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch {
    return text;
  }
  parsed.code ??= null;
  const data = parsed.data;
  if (data && typeof data.rowsetBase64 === 'string') {
    const rowset = arrowToJsonRowset(data.rowsetBase64, (data.rowtype ?? []) as RowtypeColumn[]);
    delete data.rowsetBase64;
    Object.assign(data, { queryResultFormat: 'json', rowset });
  }
  if (data && Array.isArray(data.rowset)) {
    // The driver pages through `total` rows across `rowset` and `chunks`: all rows are inline here.
    Object.assign(data, { returned: data.rowset.length, total: data.rowset.length });
    data.chunks ??= [];
  }
  return JSON.stringify(parsed);
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function forward(
  port: number,
  req: IncomingMessage,
  body: string,
): Promise<{ status: number; body: string }> {
  const headers = { ...req.headers, host: `127.0.0.1:${port}` };
  delete headers['content-encoding'];
  headers['content-length'] = String(Buffer.byteLength(body));
  return new Promise((resolve, reject) => {
    const out = httpRequest(
      { host: '127.0.0.1', port, path: req.url, method: req.method, headers },
      (res) => {
        void readBody(res).then(
          (b) => resolve({ status: res.statusCode ?? 500, body: decode(res, b) }),
          reject,
        );
      },
    );
    out.on('error', reject);
    out.end(body);
  });
}

function decode(res: IncomingMessage, body: Buffer): string {
  return (res.headers['content-encoding'] === 'gzip' ? gunzipSync(body) : body).toString('utf8');
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
