import { Connection } from '@temporalio/client';
import { Client } from 'pg';
import { createControlPlaneDatabase } from '../test-database';
import { testTemporalAddress } from '../test-env';

describe('integration test infrastructure', () => {
  it('gives each file a migrated control-plane database', async () => {
    const db = await createControlPlaneDatabase();
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      const { rows } = await client.query(`SELECT to_regclass('public.sync_run')::text AS t`);
      expect(rows[0].t).toBe('sync_run');
    } finally {
      await client.end();
      await db.drop();
    }
  });

  it('runs a Temporal dev server with the Syncline search attributes registered', async () => {
    const connection = await Connection.connect({ address: testTemporalAddress() });
    try {
      const res = await connection.operatorService.listSearchAttributes({ namespace: 'default' });
      expect(Object.keys(res.customAttributes ?? {})).toEqual(
        expect.arrayContaining(['SyncId', 'SourceType', 'DestinationType']),
      );
    } finally {
      await connection.close();
    }
  });
});
