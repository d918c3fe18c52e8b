/**
 * How every Syncline process reaches Temporal: plain gRPC (dev server, private cluster), mTLS (Temporal
 * Cloud or a secured self-hosted cluster) or an API key (Temporal Cloud). The result fits both the client's
 * `Connection` and the worker's `NativeConnection` options, so the API and the worker cannot disagree.
 */
import { readFileSync } from 'node:fs';
import type { SynclineConfig } from './config.schema';

export interface TemporalTlsOptions {
  clientCertPair?: { crt: Buffer; key: Buffer };
  serverRootCACertificate?: Buffer;
  serverNameOverride?: string;
}

export interface TemporalConnectionOptions {
  address: string;
  /** `undefined`: plaintext; `true`: TLS with the system CAs; an object: customised TLS. */
  tls?: true | TemporalTlsOptions;
  apiKey?: string;
}

type TemporalConfig = Pick<
  SynclineConfig,
  | 'TEMPORAL_ADDRESS'
  | 'TEMPORAL_TLS'
  | 'TEMPORAL_TLS_CERT_PATH'
  | 'TEMPORAL_TLS_KEY_PATH'
  | 'TEMPORAL_TLS_CA_PATH'
  | 'TEMPORAL_TLS_SERVER_NAME'
  | 'TEMPORAL_API_KEY'
>;

/** Reads the certificate files once, at start-up: a missing file fails the boot, not the first run. */
export function temporalConnectionOptions(config: TemporalConfig): TemporalConnectionOptions {
  const custom: TemporalTlsOptions = {};
  if (config.TEMPORAL_TLS_CERT_PATH && config.TEMPORAL_TLS_KEY_PATH) {
    custom.clientCertPair = {
      crt: readFileSync(config.TEMPORAL_TLS_CERT_PATH),
      key: readFileSync(config.TEMPORAL_TLS_KEY_PATH),
    };
  }
  if (config.TEMPORAL_TLS_CA_PATH) custom.serverRootCACertificate = readFileSync(config.TEMPORAL_TLS_CA_PATH);
  if (config.TEMPORAL_TLS_SERVER_NAME) custom.serverNameOverride = config.TEMPORAL_TLS_SERVER_NAME;

  const wantsTls = Object.keys(custom).length > 0 || config.TEMPORAL_TLS || Boolean(config.TEMPORAL_API_KEY);
  return {
    address: config.TEMPORAL_ADDRESS,
    ...(wantsTls ? { tls: Object.keys(custom).length > 0 ? custom : true } : {}),
    ...(config.TEMPORAL_API_KEY ? { apiKey: config.TEMPORAL_API_KEY } : {}),
  };
}
