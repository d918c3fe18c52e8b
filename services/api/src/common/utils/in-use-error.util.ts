/** The refusal to delete a record others still depend on, naming the dependents so the user can act. */
import { ErrorCode, SynclineError } from '@syncline/errors';

export function inUseError(
  kind: string,
  id: string,
  dependentKind: string,
  dependents: readonly { id: string; name: string }[],
): SynclineError {
  const names = dependents.map((d) => `"${d.name}" (${d.id})`).join(', ');
  return new SynclineError(
    ErrorCode.InUse,
    `This ${kind} is used by ${dependentKind}: ${names}. Delete or change them first.`,
    {
      details: { kind, id, dependentKind, dependents: dependents.map((d) => ({ id: d.id, name: d.name })) },
    },
  );
}
