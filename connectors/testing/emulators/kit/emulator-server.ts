/**
 * The HTTP server under every vendor emulator: listens on a free local port, answers 500 (in the vendor's
 * own shape where given) when the emulator's handler throws, writes answers after the late faults that
 * strike them (resets, stalls), and closes with its keep-alive connections and pending stalls.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EmulatorAnswer, EmulatorFaults } from './faults';

export interface EmulatorServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /**
   * Sends `answer` (JSON unless it carries `text`), unless a late fault strikes first: a reset drops the
   * connection, a stall delays the answer. Returns the status the client got (0 for a reset).
   */
  respond(
    req: IncomingMessage,
    res: ServerResponse,
    answer: EmulatorAnswer,
    options?: { faults?: EmulatorFaults; contentType?: string; headers?: Record<string, string> },
  ): Promise<number>;
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
  const timers = new Set<NodeJS.Timeout>();
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async respond(req, res, answer, options = {}) {
      const late = options.faults?.after();
      if (late?.kind === 'reset') {
        req.socket.destroy();
        return 0;
      }
      if (late?.kind === 'stall')
        await new Promise<void>((resolve) => timers.add(setTimeout(resolve, late.ms)));
      if (res.destroyed) return answer.status;
      const contentType = answer.contentType ?? options.contentType ?? 'application/json';
      res.writeHead(answer.status, { 'Content-Type': contentType, ...options.headers, ...answer.headers });
      res.end(answer.text ?? (answer.body === undefined ? '' : JSON.stringify(answer.body)));
      return answer.status;
    },
    close() {
      timers.forEach(clearTimeout);
      server.closeAllConnections();
      return new Promise((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
    },
  };
}

export interface EmulatorRequest {
  /** The raw body; undefined when it is larger than `maxBytes` (the receiver stopped reading). */
  raw: Buffer | undefined;
  /** The body as UTF-8 ('' when it was too large). */
  text: string;
  /** Header names lower-cased, repeated headers joined with ", ". */
  headers: Record<string, string>;
}

export async function readRequest(req: IncomingMessage, maxBytes = Infinity): Promise<EmulatorRequest> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers))
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > maxBytes) return { raw: undefined, text: '', headers };
    chunks.push(buffer);
  }
  const raw = Buffer.concat(chunks);
  return { raw, text: raw.toString('utf8'), headers };
}

/** A logged body: parsed JSON, the text itself when it is not JSON, undefined when empty. */
export function parseOrText(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
