/**
 * The shared gate against the real control-plane Postgres: several gates with their own pools stand for
 * several worker processes sharing one destination account.
 */
import type { RequestGate } from '@syncline/domain';
import { createControlPlaneDatabase, maxInWindow, type TestDatabase } from '@syncline/testing';
import { Pool } from 'pg';
import { postgresGate } from '../postgres-gate';

let db: TestDatabase;
const pools: Pool[] = [];
let scopes = 0;

beforeAll(async () => {
  db = await createControlPlaneDatabase();
});
afterAll(async () => {
  await Promise.all(pools.map((p) => p.end()));
  await db.drop();
});

function gates(n: number, limit: { requests: number; perMs: number; concurrency: number }): RequestGate[] {
  const scope = `test-scope-${++scopes}`;
  return Array.from({ length: n }, () => {
    const pool = new Pool({ connectionString: db.url, max: 4 });
    // An idle connection closed by the server must not crash the test process (the worker's pool does the same).
    pool.on('error', () => undefined);
    pools.push(pool);
    return postgresGate({ pool, scope, limit });
  });
}

describe('postgresGate', () => {
  it('keeps three workers together under the limit in every rolling window', async () => {
    const workers = gates(3, { requests: 20, perMs: 1000, concurrency: 10 });
    const sent: number[] = [];
    const started = Date.now();
    await Promise.all(
      workers.map(async (gate) => {
        for (let i = 0; i < 20; i++) {
          const release = await gate.acquire();
          sent.push(Date.now());
          release();
        }
      }),
    );
    const elapsed = Date.now() - started;
    expect(sent).toHaveLength(60);
    // The limit with the 5% tolerance the issue allows for timer and scheduling jitter on a busy box.
    expect(maxInWindow(sent, 1000)).toBeLessThanOrEqual(21);
    // 60 requests at 20/s take ~3 s: pacing, not a burst then a stall.
    expect(elapsed).toBeGreaterThanOrEqual(2900);
    expect(elapsed).toBeLessThan(6000);
  });

  it('pauses every worker when one of them is told to wait, and halves the rate once', async () => {
    const [a, b, c] = gates(3, { requests: 100, perMs: 1000, concurrency: 5 });
    (await a!.acquire())();
    const pausedAt = Date.now();
    await Promise.all([a!.pause(800), c!.pause(800)]);
    (await b!.acquire())();
    expect(Date.now() - pausedAt).toBeGreaterThanOrEqual(750);
    const { rows } = await pools[pools.length - 1]!.query<{ rate_factor: number }>(
      `SELECT rate_factor FROM rate_limit_pace WHERE scope = $1`,
      [`test-scope-${scopes}`],
    );
    // Halved once for the episode (two workers reported it), then regained one step by b's request.
    expect(rows[0]!.rate_factor).toBeCloseTo(0.51, 5);
  });

  it('holds at most `concurrency` requests in flight across workers', async () => {
    const [a, b] = gates(2, { requests: 1000, perMs: 1000, concurrency: 2 });
    const first = await a!.acquire();
    await b!.acquire();
    let third = false;
    const pending = a!.acquire().then((release) => {
      third = true;
      return release;
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(third).toBe(false);
    first();
    (await pending)();
    expect(third).toBe(true);
  });

  it('stops waiting when the run is cancelled', async () => {
    const [a] = gates(1, { requests: 10, perMs: 1000, concurrency: 1 });
    await a!.pause(10_000);
    const controller = new AbortController();
    const started = Date.now();
    const pending = a!.acquire(controller.signal);
    setTimeout(() => controller.abort(new Error('cancelled')), 100);
    await expect(pending).rejects.toThrow('cancelled');
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
