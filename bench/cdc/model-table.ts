/** Generates the benchmark model: N rows × 12 columns of mixed types, and the 1% / 0.1% / 0.1% churn. */
import type { Client } from 'pg';

export async function createModel(wh: Client, rows: number): Promise<void> {
  await wh.query(`DROP TABLE IF EXISTS model`);
  await wh.query(`CREATE TABLE model (
    id bigint PRIMARY KEY, email text, first_name text, last_name text, plan text, country text,
    score numeric(12,2), visits int, active boolean, signed_up_at timestamptz, updated_at timestamptz, notes text)`);
  await wh.query(
    `INSERT INTO model SELECT g, 'user' || g || '@example.com', 'First' || (g % 1000), 'Last' || (g % 777),
       (ARRAY['free','pro','team','enterprise'])[1 + g % 4], (ARRAY['US','DE','FR','BR','IN','JP'])[1 + g % 6],
       (g % 100000) / 7.0, g % 5000, g % 3 = 0, timestamptz '2024-01-01' + g * interval '1 second',
       timestamptz '2025-01-01' + g * interval '1 second', 'note ' || md5(g::text)
     FROM generate_series(1, $1) g`,
    [rows],
  );
  await wh.query(`ANALYZE model`);
}

/** Change 1% of rows, delete 0.1%, insert 0.1% (new ids above the current range). */
export async function churn(
  wh: Client,
  rows: number,
): Promise<{ changed: number; removed: number; added: number }> {
  const changed = await wh.query(`UPDATE model SET plan = 'churned', updated_at = now() WHERE id % 100 = 7`);
  const removed = await wh.query(`DELETE FROM model WHERE id % 1000 = 13`);
  const added = await wh.query(
    `INSERT INTO model SELECT g, 'new' || g || '@example.com', 'New', 'User', 'free', 'US', 1, 0, true, now(), now(), 'new'
       FROM generate_series($1::bigint + 1, $1::bigint + $2) g`,
    [rows, Math.floor(rows / 1000)],
  );
  await wh.query(`ANALYZE model`);
  return { changed: changed.rowCount ?? 0, removed: removed.rowCount ?? 0, added: added.rowCount ?? 0 };
}

export const MODEL_SQL = 'SELECT * FROM model';
export const MAPPED_COLUMNS = [
  'id',
  'email',
  'first_name',
  'last_name',
  'plan',
  'country',
  'score',
  'visits',
  'active',
  'signed_up_at',
  'updated_at',
  'notes',
];
