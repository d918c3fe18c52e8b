/** One schema for the environment of every Syncline process; secrets are marked for redaction. */
import { z } from 'zod';

const port = z.coerce.number().int().min(0).max(65535);

export const configSchema = z.object({
  DATABASE_URL: z.string().url('DATABASE_URL must be a postgres:// URL'),
  SYNCLINE_ENCRYPTION_KEY: z
    .string()
    .refine(
      (v) => Buffer.from(v, 'base64').length === 32,
      'must be 32 bytes, base64-encoded (openssl rand -base64 32)',
    ),
  TEMPORAL_ADDRESS: z.string().min(1).default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('syncs'),
  API_PORT: port.default(3000),
  LOG_LEVEL: z.enum(['error', 'warn', 'log', 'debug', 'verbose']).default('log'),
  /** How long the worker lets in-flight activities checkpoint on shutdown. */
  WORKER_SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(20_000),
});

export type SynclineConfig = z.infer<typeof configSchema>;

export const SECRET_CONFIG_KEYS: readonly (keyof SynclineConfig)[] = [
  'DATABASE_URL',
  'SYNCLINE_ENCRYPTION_KEY',
];

const NEST_LEVELS = ['verbose', 'debug', 'log', 'warn', 'error', 'fatal'] as const;

/** Nest logger levels enabled by LOG_LEVEL: that level and everything more severe. */
export function enabledLogLevels(level: SynclineConfig['LOG_LEVEL']): (typeof NEST_LEVELS)[number][] {
  return NEST_LEVELS.slice(NEST_LEVELS.indexOf(level));
}
