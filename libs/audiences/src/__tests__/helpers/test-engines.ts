/**
 * Real warehouses for the dialect tests: a fresh Postgres database, a MariaDB database, a DuckDB file and a
 * fakesnow server, each seeded with the same statements and read back through Syncline's own source
 * connectors (the path previews and sync runs take).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { parseConnectorConfig, sourceConnector } from '@syncline/connectors';
import { mariadbAdmin, mariadbAdminConfig } from '@syncline/connectors/testing/mariadb-test-config';
import { startFakesnow } from '@syncline/connectors/testing/fakesnow/start-fakesnow';
import { seedSnowflake } from '@syncline/connectors/testing/fakesnow/seed-snowflake';
import { snowflakeSourceSpec } from '@syncline/connectors/sources/snowflake';
import type { Column, Row } from '@syncline/domain';
import { createEmptyDatabase, pgConnectorConfig } from '@syncline/testing';
import { Client } from 'pg';
import type { EngineName } from './fixture-seed';

export interface TestEngine {
  name: EngineName;
  sourceType: string;
  config: unknown;
  /** How the engine names an unquoted identifier (Snowflake upper-cases them). */
  id(name: string): string;
  close(): Promise<void>;
}

export async function startEngine(name: EngineName, statements: string[]): Promise<TestEngine> {
  const id = (n: string) => (name === 'snowflake' ? n.toUpperCase() : n);
  switch (name) {
    case 'postgres': {
      const db = await createEmptyDatabase('sl_aud');
      const client = new Client({ connectionString: db.url });
      await client.connect();
      for (const s of statements) await client.query(s);
      await client.end();
      return {
        name,
        sourceType: 'postgres',
        id,
        config: parse('postgres', pgConnectorConfig(db.url)),
        close: () => db.drop(),
      };
    }
    case 'mysql': {
      const database = `sl_aud_${randomBytes(4).toString('hex')}`;
      await mariadbAdmin(`CREATE DATABASE ${database}`);
      for (const s of statements) await mariadbAdmin(s, database);
      return {
        name,
        sourceType: 'mysql',
        id,
        config: parse('mysql', { ...mariadbAdminConfig(), database }),
        close: () => mariadbAdmin(`DROP DATABASE IF EXISTS ${database}`),
      };
    }
    case 'duckdb': {
      const dir = mkdtempSync(join(tmpdir(), 'sl-aud-duckdb-'));
      const path = join(dir, 'warehouse.duckdb');
      const instance = await DuckDBInstance.create(path);
      const connection = await instance.connect();
      for (const s of statements) await connection.run(s);
      connection.closeSync();
      instance.closeSync();
      return {
        name,
        sourceType: 'duckdb',
        id,
        config: parse('duckdb', { path }),
        close: async () => rmSync(dir, { recursive: true, force: true }),
      };
    }
    case 'snowflake': {
      const fakesnow = await startFakesnow({ user: 'SYNCLINE', password: 'pw' });
      const config = snowflakeSourceSpec.parse({
        account: 'syncline-test',
        username: 'SYNCLINE',
        password: 'pw',
        database: 'WH',
        schema: 'PUBLIC',
        accessUrl: fakesnow.accessUrl,
      });
      await seedSnowflake(config, [
        'CREATE DATABASE IF NOT EXISTS WH',
        'CREATE SCHEMA IF NOT EXISTS WH.PUBLIC',
        ...statements,
      ]);
      return { name, sourceType: 'snowflake', id, config, close: () => fakesnow.stop() };
    }
  }
}

function parse(type: string, config: Record<string, unknown>): unknown {
  return parseConnectorConfig(sourceConnector(type), config);
}

export async function readAll(engine: TestEngine, sql: string): Promise<{ columns: Column[]; rows: Row[] }> {
  let columns: Column[] = [];
  const rows: Row[] = [];
  for await (const batch of sourceConnector(engine.sourceType).query(engine.config, sql, {
    timeoutMs: 60_000,
  })) {
    columns = batch.columns;
    rows.push(...batch.rows);
  }
  return { columns, rows };
}

/** The first column of every row, as sorted numbers (member ids). */
export async function ids(engine: TestEngine, sql: string): Promise<number[]> {
  const { columns, rows } = await readAll(engine, sql);
  const first = columns[0]!.name;
  return rows.map((r) => Number(r[first])).sort((a, b) => a - b);
}
