/**
 * Builds the API for integration tests from an explicit config (never process.env), seeds workspaces and
 * sends GraphQL over real HTTP. Shared with end-to-end tests that also run a worker.
 */
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfig, type SynclineConfig } from '@syncline/config';
import { generateApiKey, hashApiKey } from '@syncline/crypto';
import { WorkspaceEntity } from '@syncline/db';
import { testTemporalAddress } from '@syncline/testing';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppModule } from '../../app.module';
import { createLogger } from '../../logging/create-logger.util';
import { allowLargeJsonBodies } from '../../common/utils/allow-large-json-bodies.util';
import { setupOpenApi } from '../../rest-api/setup-open-api.util';

export interface TestApiConfigOptions {
  /** Control-plane database, e.g. from createControlPlaneDatabase(). */
  databaseUrl: string;
  /** Give each test file its own queue so no other file's worker picks up its runs. */
  taskQueue: string;
  /** Defaults to the shared test dev server (testTemporalAddress()). */
  temporalAddress?: string;
  encryptionKey?: string;
}

export function testApiConfig(options: TestApiConfigOptions): SynclineConfig {
  return loadConfig({
    DATABASE_URL: options.databaseUrl,
    SYNCLINE_ENCRYPTION_KEY: options.encryptionKey ?? randomBytes(32).toString('base64'),
    TEMPORAL_ADDRESS: options.temporalAddress ?? testTemporalAddress(),
    TEMPORAL_NAMESPACE: 'default',
    TEMPORAL_TASK_QUEUE: options.taskQueue,
    API_PORT: '0',
    LOG_LEVEL: 'warn',
  });
}

/** The full Nest app (GraphQL at /graphql), initialised but not listening: use app.getHttpServer(). */
export async function createTestApp(config: SynclineConfig): Promise<INestApplication> {
  const app = await NestFactory.create(AppModule.forRoot(config), {
    logger: createLogger(config.LOG_LEVEL),
    rawBody: true, // as main.ts: the dbt Cloud webhook verifies its signature over the raw body
  });
  allowLargeJsonBodies(app);
  setupOpenApi(app);
  app.enableShutdownHooks();
  await app.init();
  return app;
}

export interface SeededWorkspace {
  workspaceId: string;
  apiKey: string;
}

export async function seedWorkspace(
  app: INestApplication,
  name = 'Test workspace',
): Promise<SeededWorkspace> {
  const apiKey = generateApiKey();
  const saved = await app
    .get(DataSource)
    .getRepository(WorkspaceEntity)
    .save({ name, apiKeyHash: hashApiKey(apiKey) });
  return { workspaceId: saved.id, apiKey };
}

export interface GraphqlResponse<T = Record<string, any>> {
  status: number;
  /** The raw response body, for asserting what never appears in it (secrets). */
  text: string;
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: Record<string, any> }[];
}

export type GraphqlClient = <T = Record<string, any>>(
  query: string,
  variables?: Record<string, unknown>,
) => Promise<GraphqlResponse<T>>;

/** POSTs GraphQL to the app as the given API key (or with `authorization` exactly as given). */
export function graphqlClient(app: INestApplication, apiKey?: string, authorization?: string): GraphqlClient {
  return async (query, variables) => {
    const req = request(app.getHttpServer()).post('/graphql').set('content-type', 'application/json');
    const header = authorization ?? (apiKey ? `Bearer ${apiKey}` : undefined);
    if (header) req.set('authorization', header);
    const res = await req.send({ query, variables });
    return { status: res.status, text: res.text, data: res.body.data, errors: res.body.errors };
  };
}

/** The error code of the first GraphQL error, for terse assertions. */
export function errorCode(res: GraphqlResponse): string | undefined {
  return res.errors?.[0]?.extensions?.code;
}
