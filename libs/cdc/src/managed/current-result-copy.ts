/**
 * Writes the model's current result (cdc_current) with COPY … FROM STDIN (text format) instead of multi-row
 * INSERTs: the row data is streamed once, without array-literal encoding on our side or a jsonb parse on the
 * server's.
 */
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Writable } from 'node:stream';
import { once } from 'node:events';

/** COPY text format: backslash, tab, newline and carriage return must be escaped. */
function escapeCopy(value: string): string {
  return /[\\\t\n\r]/.test(value)
    ? value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
    : value;
}

export class CurrentResultWriter {
  private constructor(
    private readonly stream: Writable,
    private readonly done: Promise<unknown>,
    private readonly runId: string,
  ) {}

  static open(client: PoolClient, runId: string): CurrentResultWriter {
    const stream = client.query(copyFrom('COPY cdc_current (run_id, key, row_hash, payload) FROM STDIN'));
    const done = new Promise((resolve, reject) => {
      stream.on('finish', resolve);
      stream.on('error', reject);
    });
    // Rejections surface from finish(); keep an early error from becoming unhandled meanwhile.
    done.catch(() => undefined);
    return new CurrentResultWriter(stream, done, runId);
  }

  /** Writes one batch of rows; waits when the server is slower than the source (backpressure). */
  async write(keys: string[], hashes: string[], payloads: string[]): Promise<void> {
    let chunk = '';
    for (let i = 0; i < keys.length; i++) {
      chunk += `${this.runId}\t${escapeCopy(keys[i]!)}\t${hashes[i]}\t${escapeCopy(payloads[i]!)}\n`;
    }
    if (!this.stream.write(chunk)) await Promise.race([once(this.stream, 'drain'), this.done]);
  }

  async finish(): Promise<void> {
    this.stream.end();
    await this.done;
  }

  /** Aborts the COPY (the caller's transaction or connection is discarded). */
  destroy(err: Error): void {
    this.stream.destroy(err);
  }
}
