/** The MySQL / MariaDB source's config spec: where the database is and who Syncline connects as. */
import { z } from 'zod';

export const mysqlSourceSpec = z.object({
  host: z.string().min(1),
  port: z.number().int().min(1).max(65535).default(3306),
  database: z.string().min(1),
  user: z.string().min(1),
  password: z.string().optional(),
  ssl: z.boolean().default(false),
  connectTimeoutMs: z.number().int().min(500).max(120_000).default(5_000),
});

export type MysqlSourceConfig = z.infer<typeof mysqlSourceSpec>;

export const MYSQL_SOURCE_SECRET_FIELDS: readonly string[] = ['password'];
