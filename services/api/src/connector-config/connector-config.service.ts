/**
 * Connector configs cross the API boundary here: validated against the connector's spec (INVALID_CONFIG
 * lists every problem), sealed with SecretBox before storage, and opened only to call the connector.
 */
import { Inject, Injectable } from '@nestjs/common';
import { parseConnectorConfig } from '@syncline/connectors';
import { SecretBox } from '@syncline/crypto';
import { mergeConfigPatch } from './merge-config-patch.util';

type ConnectorSpec = Parameters<typeof parseConnectorConfig>[0];

@Injectable()
export class ConnectorConfigService {
  constructor(@Inject(SecretBox) private readonly secretBox: SecretBox) {}

  /** Validates a full config and returns it sealed for storage. */
  seal(connector: ConnectorSpec, raw: Record<string, unknown>): string {
    return this.secretBox.encryptJson(parseConnectorConfig(connector, raw));
  }

  /** Merges a patch into the stored config, validates the result and returns it sealed. */
  sealPatch(connector: ConnectorSpec, sealed: string, patch: Record<string, unknown>): string {
    const stored = this.secretBox.decryptJson<Record<string, unknown>>(sealed);
    return this.seal(connector, mergeConfigPatch(stored, patch));
  }

  /** The stored config, re-validated so a spec change surfaces as INVALID_CONFIG rather than a crash. */
  open(connector: ConnectorSpec, sealed: string): unknown {
    return parseConnectorConfig(connector, this.secretBox.decryptJson<unknown>(sealed));
  }
}
