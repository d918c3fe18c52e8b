/** The Postgres destination's config spec: the connection plus the schema whose tables syncs write into. */
import { z } from 'zod';
import { pgConnectionShape } from '../../kit/postgres';

export const postgresDestinationSpec = z.object({
  ...pgConnectionShape,
  schema: z.string().min(1).default('public'),
});

export type PostgresDestinationConfig = z.infer<typeof postgresDestinationSpec>;

export const POSTGRES_DESTINATION_SECRET_FIELDS: readonly string[] = ['password'];
