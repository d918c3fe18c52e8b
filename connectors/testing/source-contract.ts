/**
 * The shared contract every source connector passes, run against its real engine. Each source's spec plugs in
 * a harness: configs (good, wrong credentials, unreachable) and a seeded table `customers` of CUSTOMER_ROWS rows
 * with columns id (integer key), email (text), score (decimal 10,2), active (boolean).
 */
import type { RowBatch, SourceConnector } from '@syncline/domain';
import { ErrorCode, SynclineError } from '@syncline/errors';

export const CUSTOMER_ROWS = 2500;

export interface SourceContractHarness<C> {
  connector: SourceConnector<C>;
  config: () => C;
  /** Absent for engines without credentials (a DuckDB file). */
  wrongCredentials?: () => C;
  unreachable: () => C;
  /** The seeded table as the source's SQL names it. */
  table: string;
  /** A statement that runs for several seconds, to time out and cancel. */
  slowSql: string;
  /** A statement that would change the warehouse (must be refused or, where the engine allows, be read-only). */
  writeSql?: string;
  /** How the source spells column names in results (Snowflake upper-cases unquoted names). */
  column?: (name: string) => string;
}

export async function collect(iterable: AsyncIterable<RowBatch>): Promise<RowBatch[]> {
  const batches: RowBatch[] = [];
  for await (const batch of iterable) batches.push(batch);
  return batches;
}

export async function failure(run: () => Promise<unknown>): Promise<SynclineError> {
  const err = await run().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SynclineError);
  return err as SynclineError;
}

export function describeSourceContract<C>(name: string, harness: () => SourceContractHarness<C>): void {
  const col = (n: string): string => harness().column?.(n) ?? n;

  describe(`${name} source contract`, () => {
    it('streams a result in batches of batchSize with Syncline column types', async () => {
      const h = harness();
      const batches = await collect(
        h.connector.query(h.config(), `SELECT id, email, score, active FROM ${h.table} ORDER BY id`, {
          batchSize: 1000,
        }),
      );
      expect(batches.map((b) => b.rows.length)).toEqual([1000, 1000, 500]);
      expect(batches[0]!.columns.map((c) => [c.name, c.type])).toEqual([
        [col('id'), 'integer'],
        [col('email'), 'string'],
        [col('score'), 'number'],
        [col('active'), 'boolean'],
      ]);
      const last = batches[2]!.rows.at(-1)!;
      // Integers and decimals arrive exact, as strings, from every engine.
      expect(String(last[col('id')])).toBe(String(CUSTOMER_ROWS));
      expect(last[col('email')]).toBe(`user${CUSTOMER_ROWS}@example.com`);
      expect(String(last[col('score')])).toMatch(/^\d+\.\d{2}$/);
    });

    it('stops after `limit` rows for previews', async () => {
      const h = harness();
      const batches = await collect(
        h.connector.query(h.config(), `SELECT id FROM ${h.table} ORDER BY id`, { batchSize: 40, limit: 100 }),
      );
      expect(batches.map((b) => b.rows.length)).toEqual([40, 40, 20]);
    });

    it('yields the columns of an empty result', async () => {
      const h = harness();
      const batches = await collect(
        h.connector.query(h.config(), `SELECT id, email FROM ${h.table} WHERE 1 = 0`),
      );
      expect(batches).toHaveLength(1);
      expect(batches[0]!.rows).toEqual([]);
      expect(batches[0]!.columns.map((c) => c.name)).toEqual([col('id'), col('email')]);
    });

    it('reports invalid SQL as InvalidQuery', async () => {
      const h = harness();
      const err = await failure(() => collect(h.connector.query(h.config(), `SELECT nope FROM ${h.table}`)));
      expect(err.code).toBe(ErrorCode.InvalidQuery);
    });

    it('refuses to write', async () => {
      const h = harness();
      if (!h.writeSql) return;
      const sql = h.writeSql;
      const err = await failure(() => collect(h.connector.query(h.config(), sql)));
      expect(err.code).toBe(ErrorCode.InvalidQuery);
    });

    it('reports a statement over its time limit as QueryTimeout, quickly', async () => {
      const h = harness();
      const started = Date.now();
      const err = await failure(() => collect(h.connector.query(h.config(), h.slowSql, { timeoutMs: 300 })));
      expect(err.code).toBe(ErrorCode.QueryTimeout);
      expect(Date.now() - started).toBeLessThan(5000);
    });

    it('stops a running statement when the signal aborts', async () => {
      const h = harness();
      const controller = new AbortController();
      const running = collect(h.connector.query(h.config(), h.slowSql, { signal: controller.signal }));
      setTimeout(() => controller.abort(), 300);
      const started = Date.now();
      const err = await failure(() => running);
      expect(err.code).toBe(ErrorCode.QueryTimeout);
      expect(err.details).toEqual({ cancelled: true });
      expect(Date.now() - started).toBeLessThan(5000);
    });

    it('reports wrong credentials: check says so, query throws SourceConnectionFailed', async () => {
      const h = harness();
      if (!h.wrongCredentials) return;
      const wrong = h.wrongCredentials();
      const result = await h.connector.check(wrong);
      expect(result.ok).toBe(false);
      expect(result.message).toMatch(/credentials|key pair|password/i);
      const err = await failure(() => collect(h.connector.query(wrong, 'SELECT 1')));
      expect(err.code).toBe(ErrorCode.SourceConnectionFailed);
    });

    it('reports an unreachable host as SourceConnectionFailed', async () => {
      const h = harness();
      const result = await h.connector.check(h.unreachable());
      expect(result.ok).toBe(false);
      const err = await failure(() => collect(h.connector.query(h.unreachable(), 'SELECT 1')));
      expect(err.code).toBe(ErrorCode.SourceConnectionFailed);
    });

    it('passes check with the right config', async () => {
      const h = harness();
      await expect(h.connector.check(h.config())).resolves.toMatchObject({ ok: true });
    });

    it('discovers the seeded table with typed columns', async () => {
      const h = harness();
      const tables = await h.connector.discover(h.config());
      const customers = tables.find((t) => t.name === col('customers'));
      expect(customers).toBeDefined();
      expect(customers!.columns.slice(0, 4).map((c) => [c.name, c.type])).toEqual([
        [col('id'), 'integer'],
        [col('email'), 'string'],
        [col('score'), 'number'],
        [col('active'), 'boolean'],
      ]);
    });
  });
}
