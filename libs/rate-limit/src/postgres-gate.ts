/**
 * A RequestGate whose state lives in the control-plane Postgres, so every worker sending to a destination
 * shares one limit: requests are paced (GCRA: each takes the next free slot, `interval` apart), at most
 * `concurrency` are in flight (leases that lapse if a worker dies), and a 429 pauses the scope for all.
 *
 * Why not rate-limiter-flexible: its stores count per fixed window, which lets up to twice the limit through
 * around a window boundary — exactly what rolling-window vendors answer with 429. Pacing needs one atomic
 * UPDATE per request, which Postgres does under a row lock; the database clock is the one clock all
 * workers agree on.
 */
import type { RateLimit, RequestGate } from '@syncline/domain';
import type { Pool, PoolClient } from 'pg';
import { MIN_RATE_FACTOR, paceIntervalMs, RATE_RECOVERY_STEP } from './pace-interval';
import { sleep } from './sleep';

/** A request that outlives this (a killed worker) stops holding its concurrency slot. */
const LEASE_TTL_MS = 2 * 60_000;
/** How often a caller looks again for a free concurrency slot. */
const LEASE_POLL_MS = 20;

const NOW_MS = `floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint`;

export interface PostgresGateOptions {
  pool: Pool;
  /** Who shares the limit: one destination account (see DestinationConnector.rateLimitScope). */
  scope: string;
  limit: RateLimit;
}

export function postgresGate({ pool, scope, limit }: PostgresGateOptions): RequestGate {
  let ensured: Promise<unknown> | undefined;
  const ensureRow = () =>
    (ensured ??= pool.query(
      `INSERT INTO rate_limit_pace (scope, next_slot_ms) VALUES ($1, 0) ON CONFLICT (scope) DO NOTHING`,
      [scope],
    ));

  /** Takes a concurrency lease and the next pacing slot together; null when every slot is taken. */
  async function reserve(
    client: PoolClient,
  ): Promise<{ leaseId: string; slotMs: number; slotAt: number } | null> {
    await client.query('BEGIN');
    try {
      // The row lock serialises reservations of this scope; the lease count below then sees them all.
      const { rows: locked } = await client.query<{ rate_factor: number }>(
        `SELECT rate_factor FROM rate_limit_pace WHERE scope = $1 FOR UPDATE`,
        [scope],
      );
      const interval = Math.ceil(paceIntervalMs(limit, locked[0]?.rate_factor ?? 1));
      // The slot in local time, anchored at the middle of the statement's round trip (when the database read
      // its clock, give or take half of it), not after the commit: under contention the commit can take tens
      // of milliseconds, and counting the wait from its end would bunch requests together.
      const asked = Date.now();
      const { rows } = await client.query<{ lease_id: string | null; slot_ms: string; now_ms: string }>(
        `WITH clock AS (SELECT ${NOW_MS} AS now_ms),
         inflight AS (
           SELECT count(*) AS n FROM rate_limit_lease l, clock WHERE l.scope = $1 AND l.expires_ms > clock.now_ms
         ),
         lease AS (
           INSERT INTO rate_limit_lease (scope, expires_ms)
           SELECT $1, clock.now_ms + $2 FROM clock, inflight WHERE inflight.n < $3
           RETURNING id
         ),
         slot AS (
           UPDATE rate_limit_pace p
              SET next_slot_ms = GREATEST(p.next_slot_ms, p.paused_until_ms, clock.now_ms) + $4,
                  rate_factor = LEAST(1, p.rate_factor + $5)
             FROM clock, lease
            WHERE p.scope = $1
           RETURNING p.next_slot_ms - $4 AS slot_ms, clock.now_ms
         )
         SELECT (SELECT id FROM lease) AS lease_id, slot.slot_ms, slot.now_ms
           FROM (SELECT 1) one LEFT JOIN slot ON true`,
        [scope, LEASE_TTL_MS, limit.concurrency, interval, RATE_RECOVERY_STEP],
      );
      const answered = Date.now();
      const row = rows[0];
      if (!row?.lease_id) {
        await client.query(`DELETE FROM rate_limit_lease WHERE scope = $1 AND expires_ms <= ${NOW_MS}`, [
          scope,
        ]);
        await client.query('COMMIT');
        return null;
      }
      await client.query('COMMIT');
      const slotMs = Number(row.slot_ms);
      return { leaseId: row.lease_id, slotMs, slotAt: (asked + answered) / 2 + slotMs - Number(row.now_ms) };
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    }
  }

  /** A pause set after our slot was reserved may cover it: how far past our slot it reaches (database clock). */
  async function pausedPastMs(slotMs: number): Promise<number> {
    const { rows } = await pool.query<{ paused_until_ms: string }>(
      `SELECT paused_until_ms FROM rate_limit_pace WHERE scope = $1`,
      [scope],
    );
    return Number(rows[0]?.paused_until_ms ?? 0) - slotMs;
  }

  const release = (leaseId: string) => () =>
    void pool.query(`DELETE FROM rate_limit_lease WHERE id = $1`, [leaseId]).catch(() => undefined);

  return {
    async acquire(signal) {
      await ensureRow();
      for (;;) {
        signal?.throwIfAborted();
        const client = await pool.connect();
        let reserved: Awaited<ReturnType<typeof reserve>>;
        try {
          reserved = await reserve(client);
        } finally {
          client.release();
        }
        if (!reserved) {
          await sleep(LEASE_POLL_MS, signal);
          continue;
        }
        const done = release(reserved.leaseId);
        try {
          const waitMs = reserved.slotAt - Date.now();
          if (waitMs > 0) {
            await sleep(waitMs, signal);
            const left = await pausedPastMs(reserved.slotMs);
            if (left > 0) {
              done();
              await sleep(left, signal);
              continue;
            }
          }
          return done;
        } catch (err) {
          done();
          throw err;
        }
      }
    },

    async pause(ms) {
      await ensureRow();
      // Several workers hit by the same 429 episode halve the rate once, not once each.
      await pool.query(
        `WITH clock AS (SELECT ${NOW_MS} AS now_ms)
         UPDATE rate_limit_pace p
            SET rate_factor = CASE WHEN p.paused_until_ms < clock.now_ms
                                   THEN GREATEST($3, p.rate_factor / 2) ELSE p.rate_factor END,
                paused_until_ms = GREATEST(p.paused_until_ms, clock.now_ms + $2),
                next_slot_ms = GREATEST(p.next_slot_ms, clock.now_ms + $2)
           FROM clock
          WHERE p.scope = $1`,
        [scope, Math.ceil(ms), MIN_RATE_FACTOR],
      );
    },
  };
}
