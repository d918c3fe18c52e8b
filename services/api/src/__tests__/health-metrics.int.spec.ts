/**
 * The API's probes and Prometheus endpoint over real HTTP, without a workspace API key: readiness reports
 * the database and Temporal separately and turns 503 when Temporal is unreachable; liveness stays 200.
 */
import type { INestApplication } from '@nestjs/common';
import { createControlPlaneDatabase, type TestDatabase } from '@syncline/testing';
import { createServer } from 'node:net';
import request from 'supertest';
import { createTestApp, testApiConfig } from './helpers/create-test-app';

async function deadAddress(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return `127.0.0.1:${address.port}`;
}

describe('API health and metrics', () => {
  let db: TestDatabase;
  const apps: INestApplication[] = [];

  beforeAll(async () => {
    db = await createControlPlaneDatabase();
  });

  afterAll(async () => {
    for (const app of apps) await app.close();
    await db?.drop();
  });

  async function app(temporalAddress?: string): Promise<INestApplication> {
    const created = await createTestApp(
      testApiConfig({ databaseUrl: db.url, taskQueue: 'health', temporalAddress }),
    );
    apps.push(created);
    return created;
  }

  it('is ready when the database and Temporal answer, and serves Prometheus metrics', async () => {
    const server = (await app()).getHttpServer();
    const ready = await request(server).get('/health').expect(200);
    expect(ready.body).toEqual({
      status: 'ok',
      checks: { database: { status: 'up' }, temporal: { status: 'up' } },
    });
    await request(server).get('/health/live').expect(200, { status: 'ok' });
    const metrics = await request(server).get('/metrics').expect(200);
    expect(metrics.headers['content-type']).toMatch(/^text\/plain/);
    expect(metrics.text).toContain('process_cpu_user_seconds_total');
    expect(metrics.text).toContain('# TYPE syncline_sync_run_triggers_total counter');
  });

  it('is not ready while Temporal is unreachable, but stays alive', async () => {
    const server = (await app(await deadAddress())).getHttpServer();
    const res = await request(server).get('/health').expect(503);
    expect(res.body.status).toBe('unavailable');
    expect(res.body.checks.database).toEqual({ status: 'up' });
    expect(res.body.checks.temporal.status).toBe('down');
    await request(server).get('/health/live').expect(200);
  });

  it('still requires an API key for GraphQL', async () => {
    const server = (await app()).getHttpServer();
    const res = await request(server).post('/graphql').send({ query: '{ sources { id } }' });
    expect(JSON.stringify(res.body)).toContain('UNAUTHENTICATED');
  });
});
