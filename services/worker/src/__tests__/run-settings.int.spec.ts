/**
 * One run record: a run finishes the way it was planned. Changing the sync's mapping and the source's CDC
 * engine while the run delivers (between plan and commit) changes nothing for that run — deliver and commit
 * read the settings its plan pinned — and the next run is planned with the new settings.
 */
import { cdcFingerprint } from '@syncline/cdc';
import {
  startWebhookEmulator,
  type WebhookEmulator,
} from '@syncline/connectors/testing/emulators/webhook/emulator';
import { pgConnectorConfig, waitFor } from '@syncline/testing';
import { useSyncTestBed } from './helpers/sync-test-bed';

const ROWS = 30;
const SECRET = 'run-settings-secret-0123456789';
const planned = [
  { from: 'id', to: 'customer_id' },
  { from: 'email', to: 'email' },
  { from: 'plan', to: 'plan' },
];
const changed = [
  { from: 'id', to: 'customer_id' },
  { from: 'plan', to: 'tier' },
];

describe('a run keeps the settings its plan pinned', () => {
  const bed = useSyncTestBed();
  let receiver: WebhookEmulator;

  beforeAll(async () => {
    receiver = await startWebhookEmulator({ secret: SECRET });
  });
  afterAll(async () => {
    await receiver?.close();
  });

  const one = async <T>(sql: string, params: unknown[]): Promise<T> =>
    (await bed.worker.pool.query(sql, params)).rows[0] as T;

  it('completes as planned when the mapping and the source CDC engine change between plan and commit', async () => {
    await bed.wh.query(`CREATE TABLE pinned_customers (id int PRIMARY KEY, email text, plan text)`);
    await bed.wh.query(
      `INSERT INTO pinned_customers SELECT g, 'p' || g || '@example.com', 'free' FROM generate_series(1, $1) g`,
      [ROWS],
    );
    const fixture = await bed.builder.sync({
      source: { type: 'postgres', config: pgConnectorConfig(bed.warehouse.url) },
      model: { sql: 'SELECT id, email, plan FROM pinned_customers', primaryKey: 'id' },
      destination: { type: 'webhook', config: { url: receiver.url, secret: SECRET, batchSize: 10 } },
      sync: { mode: 'upsert', mapping: planned },
    });
    // The first batch is answered after 4 s: the run sits in deliver, its plan done, while the settings change.
    receiver.delayNext(1, 4_000);
    const handle = await bed.worker.startRun(fixture.syncId);
    await waitFor(async () => (receiver.received.length > 0 ? true : undefined), {
      timeoutMs: 60_000,
      what: 'the first delivery request',
    });
    await bed.worker.pool.query('UPDATE sync SET mapping = $2 WHERE id = $1', [
      fixture.syncId,
      JSON.stringify(changed),
    ]);
    await bed.worker.pool.query(`UPDATE source SET cdc_engine = 'in-warehouse' WHERE id = $1`, [
      fixture.sourceId,
    ]);

    const first = await handle.result();
    expect(first.status).toBe('success');
    expect(first.counts.succeeded.added).toBe(ROWS);
    // Delivered with the planned mapping…
    expect(receiver.records()).toHaveLength(ROWS);
    expect(Object.keys(receiver.records()[0]!.fields).sort()).toEqual(['customer_id', 'email', 'plan']);
    // …and committed by the planned (managed) engine: the control plane holds the delivered state, the
    // warehouse has no planner schema, and the fingerprint is the planned mapping's.
    expect(
      await one<{ n: string }>('SELECT count(*) AS n FROM cdc_state WHERE sync_id = $1', [fixture.syncId]),
    ).toEqual({ n: String(ROWS) });
    expect(
      (await bed.wh.query(`SELECT 1 FROM pg_namespace WHERE nspname = 'syncline_planner'`)).rowCount,
    ).toBe(0);
    expect(await one('SELECT cdc_fingerprint FROM sync WHERE id = $1', [fixture.syncId])).toEqual({
      cdc_fingerprint: cdcFingerprint('id', planned),
    });
    expect(await one('SELECT settings FROM sync_run WHERE id = $1', [first.runId])).toMatchObject({
      settings: { cdcEngine: 'managed', mapping: planned },
    });
    // No credential copy outlives the run.
    expect(
      await one('SELECT source_config_encrypted, destination_config_encrypted FROM sync_run WHERE id = $1', [
        first.runId,
      ]),
    ).toEqual({ source_config_encrypted: null, destination_config_encrypted: null });

    // The next run is planned with what was saved meanwhile: in-warehouse CDC (no state there yet, so every
    // row is added again) and the new mapping.
    const second = await bed.worker.runToCompletion(fixture.syncId);
    expect(second.status).toBe('success');
    expect(second.counts.planned.added).toBe(ROWS);
    expect(await one('SELECT settings FROM sync_run WHERE id = $1', [second.runId])).toMatchObject({
      settings: { cdcEngine: 'in-warehouse', mapping: changed },
    });
    expect(Object.keys(receiver.records().at(-1)!.fields).sort()).toEqual(['customer_id', 'tier']);
  });
});
