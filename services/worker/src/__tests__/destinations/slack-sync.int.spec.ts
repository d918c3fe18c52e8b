/**
 * A sync from a Postgres model to a Slack channel (the Slack emulator) in mirror mode through the real
 * Temporal dev server and worker: one message per new customer from a Liquid template, then one per
 * changed, added and removed customer on the next run, and none when nothing changed.
 */
import { type SlackEmulator, startSlackEmulator } from '@syncline/connectors/testing/emulators/slack/emulator';
import { pgConnectorConfig } from '@syncline/testing';
import { useSyncTestBed } from '../helpers/sync-test-bed';

const CUSTOMERS = 30;
const TOKEN = 'xoxb-int-0123456789';
const CHANNEL = 'C0SIGNUPS';

describe('sync to Slack (Temporal → Slack emulator)', () => {
  let slack: SlackEmulator;
  const bed = useSyncTestBed();

  beforeAll(async () => {
    slack = await startSlackEmulator({
      token: TOKEN,
      channels: [{ id: CHANNEL, name: 'signups', member: true }],
    });
  });

  afterAll(async () => {
    await slack?.close();
  });

  const texts = () => slack.messages(CHANNEL).map((m) => m.text);

  it('posts a message per added row, then per changed and removed row', async () => {
    await bed.wh.query(`CREATE TABLE customers (id int, email text, plan text)`);
    await bed.wh.query(
      `INSERT INTO customers SELECT g, 'user' || g || '@example.com', CASE WHEN g % 3 = 0 THEN 'pro' ELSE 'free' END
         FROM generate_series(1, $1) g`,
      [CUSTOMERS],
    );
    const fx = await bed.builder.sync({
      source: { type: 'postgres', config: pgConnectorConfig(bed.warehouse.url) },
      model: { sql: 'SELECT id, email, plan FROM customers', primaryKey: 'id' },
      destination: {
        type: 'slack',
        config: { token: TOKEN, baseUrl: slack.url, removedTemplate: 'Customer {{ key }} left.' },
      },
      sync: {
        mode: 'mirror',
        destinationObject: CHANNEL,
        mapping: [{ template: 'New signup: {{ row.email }} ({{ row.plan }})', to: 'text' }],
      },
    });

    const first = await bed.worker.runToCompletion(fx.syncId);
    expect(first.status).toBe('success');
    expect(first.counts.succeeded).toEqual({ added: CUSTOMERS, changed: 0, removed: 0 });
    expect(texts()).toHaveLength(CUSTOMERS);
    expect(new Set(texts())).toContain('New signup: user3@example.com (pro)');
    expect(
      slack
        .messages(CHANNEL)
        .map((m) => m.metadata?.event_payload.key)
        .sort(),
    ).toEqual(Array.from({ length: CUSTOMERS }, (_, i) => String(i + 1)).sort());

    await bed.wh.query(`UPDATE customers SET plan = 'enterprise' WHERE id = 5`);
    await bed.wh.query(`DELETE FROM customers WHERE id = 9`);
    await bed.wh.query(`INSERT INTO customers VALUES (101, 'new@example.com', 'pro')`);

    const second = await bed.worker.runToCompletion(fx.syncId);
    expect(second.counts.succeeded).toEqual({ added: 1, changed: 1, removed: 1 });
    expect(texts().slice(CUSTOMERS).sort()).toEqual(
      [
        'Customer 9 left.',
        'New signup: new@example.com (pro)',
        'New signup: user5@example.com (enterprise)',
      ].sort(),
    );

    const third = await bed.worker.runToCompletion(fx.syncId);
    expect(third.counts.planned).toEqual({ added: 0, changed: 0, removed: 0 });
    expect(texts()).toHaveLength(CUSTOMERS + 3);
  });
});
