/** The Postgres source's config spec: where the warehouse is and who Syncline connects as. */
import { z } from 'zod';
import { pgConnectionShape } from '../../kit/postgres';

export const postgresSourceSpec = z.object(pgConnectionShape);

export type PostgresSourceConfig = z.infer<typeof postgresSourceSpec>;

export const POSTGRES_SOURCE_SECRET_FIELDS: readonly string[] = ['password'];
