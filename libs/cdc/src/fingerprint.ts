/**
 * The delivered state is only meaningful for the primary key and mapping it was computed with: row hashes
 * cover mapped fields (templates included). A different fingerprint means the user should run a full resync.
 */
import type { FieldMapping } from '@syncline/domain';
import { createHash } from 'node:crypto';

export function cdcFingerprint(primaryKey: string, mapping: readonly FieldMapping[]): string {
  // Column and static entries keep their original encoding, so existing fingerprints stay valid.
  const canonical = mapping.map((m) =>
    'from' in m
      ? ['c', m.from, m.to]
      : 'template' in m
        ? ['t', m.template, m.to]
        : ['s', JSON.stringify(m.static), m.to],
  );
  return createHash('sha256')
    .update(JSON.stringify([primaryKey, canonical]))
    .digest('base64url')
    .slice(0, 22);
}
