import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { ConfigError, loadConfig } from '../load-config';
import { temporalConnectionOptions } from '../temporal-connection-options';

const base = {
  DATABASE_URL: 'postgres://u@127.0.0.1:5432/db',
  SYNCLINE_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
};

describe('temporalConnectionOptions', () => {
  it('connects in plaintext by default (dev server, private cluster)', () => {
    expect(temporalConnectionOptions(loadConfig(base))).toEqual({ address: '127.0.0.1:7233' });
  });

  it('uses TLS with the system CAs and a bearer API key for Temporal Cloud API keys', () => {
    const config = loadConfig({
      ...base,
      TEMPORAL_ADDRESS: 'eu-west-1.aws.api.temporal.io:7233',
      TEMPORAL_API_KEY: 'tcak_secret',
    });
    expect(temporalConnectionOptions(config)).toEqual({
      address: 'eu-west-1.aws.api.temporal.io:7233',
      tls: true,
      apiKey: 'tcak_secret',
    });
  });

  it('reads the mTLS client pair, CA and server name from files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sl-tls-'));
    for (const name of ['client.pem', 'client.key', 'ca.pem']) writeFileSync(join(dir, name), `PEM ${name}`);
    const options = temporalConnectionOptions(
      loadConfig({
        ...base,
        TEMPORAL_TLS_CERT_PATH: join(dir, 'client.pem'),
        TEMPORAL_TLS_KEY_PATH: join(dir, 'client.key'),
        TEMPORAL_TLS_CA_PATH: join(dir, 'ca.pem'),
        TEMPORAL_TLS_SERVER_NAME: 'temporal.internal',
      }),
    );
    expect(options.tls).toEqual({
      clientCertPair: { crt: Buffer.from('PEM client.pem'), key: Buffer.from('PEM client.key') },
      serverRootCACertificate: Buffer.from('PEM ca.pem'),
      serverNameOverride: 'temporal.internal',
    });
  });

  it('refuses half an mTLS pair at boot', () => {
    expect(() => loadConfig({ ...base, TEMPORAL_TLS_CERT_PATH: '/etc/tls/client.pem' })).toThrow(ConfigError);
  });
});
