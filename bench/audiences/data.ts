/**
 * The benchmark's warehouse: 1M users (the parent), 3M purchases (related) and 10M events (page views and
 * purchases over the last year), generated in Postgres with a fixed seed, indexed by user as a warehouse
 * table used for activation would be, and analyzed. Times sit 6 to 18 hours off the generation time of day,
 * so relative windows ("last 30 days") select the same rows however long the benchmark runs (under 6 hours).
 */
import type { Client } from 'pg';

const AGO = (days: number) =>
  `now() - floor(random() * ${days}) * interval '1 day' - (6 + random() * 12) * interval '1 hour'`;

export interface Sizes {
  users: number;
  purchases: number;
  events: number;
}

export async function generate(wh: Client, sizes: Sizes): Promise<void> {
  await wh.query(`SELECT setseed(0.42)`);
  await wh.query(`
    CREATE UNLOGGED TABLE users AS
    SELECT g AS id, 'user' || g || '@example.com' AS email,
           (ARRAY['free', 'starter', 'pro', 'enterprise'])[1 + floor(random() * 4)::int] AS plan,
           (ARRAY['FR', 'DE', 'US', 'GB', 'ES', 'IT', 'NL', 'SE'])[1 + floor(random() * 8)::int] AS country,
           18 + floor(random() * 60)::int AS age,
           ${AGO(730)} AS signed_up_at
      FROM generate_series(1, ${sizes.users}) g`);
  await wh.query(`ALTER TABLE users ADD PRIMARY KEY (id)`);
  await wh.query(`
    CREATE UNLOGGED TABLE purchases AS
    SELECT g AS id, 1 + floor(random() * ${sizes.users})::bigint AS user_id,
           round((5 + random() * 200)::numeric, 2) AS amount,
           (ARRAY['books', 'games', 'music', 'garden', 'tools'])[1 + floor(random() * 5)::int] AS category,
           ${AGO(365)} AS purchased_at
      FROM generate_series(1, ${sizes.purchases}) g`);
  await wh.query(`
    CREATE UNLOGGED TABLE events AS
    SELECT g AS id, 1 + floor(random() * ${sizes.users})::bigint AS user_id,
           CASE WHEN random() < 0.85 THEN 'page_view' ELSE 'purchase' END AS event_type,
           (ARRAY['/home', '/pricing', '/docs', '/blog', '/signup'])[1 + floor(random() * 5)::int] AS page,
           ${AGO(365)} AS occurred_at
      FROM generate_series(1, ${sizes.events}) g`);
  await wh.query(`CREATE INDEX purchases_user_idx ON purchases (user_id)`);
  await wh.query(`CREATE INDEX events_user_idx ON events (user_id)`);
  await wh.query(`ANALYZE users; ANALYZE purchases; ANALYZE events`);
}
