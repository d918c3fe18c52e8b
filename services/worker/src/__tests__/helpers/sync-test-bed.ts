/**
 * What a destination's end-to-end sync test needs around its emulator: a control plane, a Postgres
 * "warehouse" to hold the model's table, a builder for syncs and a real worker on the Temporal dev server.
 * Call it at the top of a describe block: it registers the beforeAll/afterAll that fill and empty it.
 */
import {
  ControlPlaneBuilder,
  createControlPlaneDatabase,
  createEmptyDatabase,
  testEncryptionKey,
  type TestDatabase,
} from '@syncline/testing';
import { Client } from 'pg';
import { startTestWorker, type TestWorker } from './test-worker';

export interface SyncTestBed {
  controlPlane: TestDatabase;
  warehouse: TestDatabase;
  /** A connection to the warehouse, for the model's table. */
  wh: Client;
  builder: ControlPlaneBuilder;
  worker: TestWorker;
}

export function useSyncTestBed(): SyncTestBed {
  const bed = {} as SyncTestBed;
  const key = testEncryptionKey();
  beforeAll(async () => {
    bed.controlPlane = await createControlPlaneDatabase();
    bed.warehouse = await createEmptyDatabase();
    bed.wh = new Client({ connectionString: bed.warehouse.url });
    await bed.wh.connect();
    bed.builder = await ControlPlaneBuilder.connect(bed.controlPlane.url, key);
    bed.worker = await startTestWorker(bed.controlPlane.url, key);
  });
  afterAll(async () => {
    await bed.worker?.stop();
    await bed.builder?.close();
    await bed.wh?.end();
    await bed.warehouse?.drop();
    await bed.controlPlane?.drop();
  });
  return bed;
}
