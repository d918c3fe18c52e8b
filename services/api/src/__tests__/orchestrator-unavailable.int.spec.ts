import type { INestApplication } from '@nestjs/common';
import { createControlPlaneDatabase, type TestDatabase } from '@syncline/testing';
import { DataSource } from 'typeorm';
import { DestinationEntity, ModelEntity, SourceEntity, SyncEntity } from '@syncline/db';
import { createServer } from 'node:net';
import {
  createTestApp,
  errorCode,
  graphqlClient,
  seedWorkspace,
  testApiConfig,
} from './helpers/create-test-app';

/** A port nothing listens on: bound then released. */
async function deadAddress(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return `127.0.0.1:${address.port}`;
}

describe('runSync while Temporal is down', () => {
  let db: TestDatabase;
  let app: INestApplication;

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('boots anyway and answers ORCHESTRATOR_UNAVAILABLE naming TEMPORAL_ADDRESS', async () => {
    db = await createControlPlaneDatabase();
    const temporalAddress = await deadAddress();
    app = await createTestApp(testApiConfig({ databaseUrl: db.url, taskQueue: 'unused', temporalAddress }));
    const { workspaceId, apiKey } = await seedWorkspace(app);
    // Seeded directly: this test is about the orchestrator, not about connector configs.
    const ds = app.get(DataSource);
    const source = await ds
      .getRepository(SourceEntity)
      .save({ workspaceId, name: 's', type: 'postgres', configEncrypted: 'v1:x' });
    const model = await ds
      .getRepository(ModelEntity)
      .save({ workspaceId, sourceId: source.id, name: 'm', sql: 'SELECT 1 AS id', primaryKey: 'id' });
    const destination = await ds
      .getRepository(DestinationEntity)
      .save({ workspaceId, name: 'd', type: 'webhook', configEncrypted: 'v1:x' });
    const sync = await ds.getRepository(SyncEntity).save({
      workspaceId,
      name: 'sync',
      modelId: model.id,
      destinationId: destination.id,
      destinationObject: null,
      mode: 'insert',
      mapping: [{ from: 'id', to: 'id' }],
    });

    const res = await graphqlClient(
      app,
      apiKey,
    )(`mutation { runSync(input: { syncId: "${sync.id}" }) { id } }`);
    expect(errorCode(res)).toBe('ORCHESTRATOR_UNAVAILABLE');
    expect(res.errors?.[0]?.message).toContain(`TEMPORAL_ADDRESS=${temporalAddress}`);
  }, 60_000);
});
