/**
 * Validates a connector config against its spec at the boundary, listing every problem at once. The
 * connector's `secretFields` are the one place that knows which config fields are secret: their values are
 * scrubbed from the problems, so no message (returned to the caller, logged, recorded on a run) carries one.
 */
import type { DestinationConnector, SourceConnector } from '@syncline/domain';
import { ErrorCode, SynclineError } from '@syncline/errors';

type AnyConnector = SourceConnector<unknown> | DestinationConnector<unknown>;

/** The string values of the secret fields in a raw config (nested values included). */
function secretValues(raw: unknown, secretFields: readonly string[]): string[] {
  if (typeof raw !== 'object' || raw === null) return [];
  const found: string[] = [];
  const collect = (value: unknown): void => {
    if (typeof value === 'string' && value.length >= 4) found.push(value);
    else if (typeof value === 'object' && value !== null) Object.values(value).forEach(collect);
  };
  for (const field of secretFields) collect((raw as Record<string, unknown>)[field]);
  return found;
}

export function parseConnectorConfig<C>(
  connector: { type: string; spec: AnyConnector['spec']; secretFields?: readonly string[] },
  raw: unknown,
): C {
  const parsed = connector.spec.safeParse(raw);
  if (parsed.success) return parsed.data as C;
  const secrets = secretValues(raw, connector.secretFields ?? []);
  const scrub = (text: string) => secrets.reduce((t, secret) => t.split(secret).join('[secret]'), text);
  const issues = parsed.error.issues.map((i) => scrub(`${i.path.join('.') || '(config)'}: ${i.message}`));
  throw new SynclineError(ErrorCode.InvalidConfig, `Invalid ${connector.type} config: ${issues.join('; ')}`, {
    details: { issues },
  });
}
