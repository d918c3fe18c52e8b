/** One schema for the environment of every Syncline process; secrets are marked for redaction. */
import { z } from 'zod';

const port = z.coerce.number().int().min(0).max(65535);

export const configSchema = z
  .object({
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
    /** Activities one worker runs at once; each deliver activity holds one batch in memory. */
    WORKER_MAX_CONCURRENT_ACTIVITIES: z.coerce.number().int().min(1).default(20),
    /** Temporal Cloud / secured clusters: mTLS client certificate and key (PEM file paths, both or neither). */
    TEMPORAL_TLS_CERT_PATH: z.string().min(1).optional(),
    TEMPORAL_TLS_KEY_PATH: z.string().min(1).optional(),
    /** CA bundle of a self-hosted cluster whose certificate is not signed by a public CA. */
    TEMPORAL_TLS_CA_PATH: z.string().min(1).optional(),
    TEMPORAL_TLS_SERVER_NAME: z.string().min(1).optional(),
    /** Temporal Cloud API key (instead of mTLS); implies TLS. */
    TEMPORAL_API_KEY: z.string().min(1).optional(),
    /** `true` forces TLS with the system CAs (a cluster behind a TLS-terminating proxy). */
    TEMPORAL_TLS: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true'),
    /** A workflow bundle built by `npm run bundle:workflows` (images); unset: bundled at worker start. */
    WORKFLOW_BUNDLE_PATH: z.string().min(1).optional(),
    /** Worker's HTTP port for /health and /metrics; 0 picks a free port (tests). */
    WORKER_HTTP_PORT: port.default(9464),
    /** Local port of the Temporal Core SDK's Prometheus exporter, merged into the worker's /metrics; 0 = off. */
    TEMPORAL_METRICS_PORT: port.default(0),
  })
  .superRefine((c, ctx) => {
    // Half an mTLS pair would silently connect without a client certificate and fail far from the cause.
    if (Boolean(c.TEMPORAL_TLS_CERT_PATH) !== Boolean(c.TEMPORAL_TLS_KEY_PATH)) {
      ctx.addIssue({
        code: 'custom',
        path: ['TEMPORAL_TLS_CERT_PATH'],
        message:
          'set TEMPORAL_TLS_CERT_PATH and TEMPORAL_TLS_KEY_PATH together (mTLS client certificate pair)',
      });
    }
  });

export type SynclineConfig = z.infer<typeof configSchema>;

const NEST_LEVELS = ['verbose', 'debug', 'log', 'warn', 'error', 'fatal'] as const;

/** Nest logger levels enabled by LOG_LEVEL: that level and everything more severe. */
export function enabledLogLevels(level: SynclineConfig['LOG_LEVEL']): (typeof NEST_LEVELS)[number][] {
  return NEST_LEVELS.slice(NEST_LEVELS.indexOf(level));
}
