import 'reflect-metadata';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/** Control-plane database options. Schema changes go through migrations only, never `synchronize`. */
export function dataSourceOptions(databaseUrl: string): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    synchronize: false,
    migrationsRun: false,
    extra: { max: 10 },
  };
}

export function createDataSource(databaseUrl: string): DataSource {
  return new DataSource(dataSourceOptions(databaseUrl));
}

/** Applies pending migrations and returns their names. */
export async function migrate(databaseUrl: string): Promise<string[]> {
  const ds = await createDataSource(databaseUrl).initialize();
  try {
    const applied = await ds.runMigrations({ transaction: 'all' });
    return applied.map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}
