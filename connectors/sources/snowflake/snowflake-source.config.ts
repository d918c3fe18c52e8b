/**
 * The Snowflake source's config spec: account, credentials (password or key pair) and the session's context
 * (warehouse, role, database, schema).
 */
import { z } from 'zod';

export const snowflakeSourceSpec = z
  .object({
    /** Account identifier, e.g. `myorg-myaccount` (or the legacy locator `xy12345.eu-west-1`). */
    account: z.string().min(1),
    username: z.string().min(1),
    password: z.string().min(1).optional(),
    /** PEM private key for key-pair auth (the user's RSA_PUBLIC_KEY holds its public half). */
    privateKey: z.string().min(1).optional(),
    privateKeyPassphrase: z.string().min(1).optional(),
    warehouse: z.string().min(1).optional(),
    role: z.string().min(1).optional(),
    database: z.string().min(1),
    schema: z.string().min(1).optional(),
    /** Full base URL, for private connectivity (PrivateLink) or a local emulator; defaults from `account`. */
    accessUrl: z.url().optional(),
    connectTimeoutMs: z.number().int().min(1000).max(120_000).default(15_000),
  })
  .refine((c) => (c.password === undefined) !== (c.privateKey === undefined), {
    message: 'give either password or privateKey (key-pair auth), not both',
    path: ['password'],
  });

export type SnowflakeSourceConfig = z.infer<typeof snowflakeSourceSpec>;

export const SNOWFLAKE_SOURCE_SECRET_FIELDS: readonly string[] = [
  'password',
  'privateKey',
  'privateKeyPassphrase',
];
