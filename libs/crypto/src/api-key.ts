/** Workspace API keys: shown once, stored only as a SHA-256 hash. */
import { createHash, randomBytes } from 'node:crypto';

const PREFIX = 'sl_';

export function generateApiKey(): string {
  return PREFIX + randomBytes(24).toString('base64url');
}

export function hashApiKey(apiKey: string): string {
  return createHash('sha256').update(apiKey, 'utf8').digest('hex');
}
