/**
 * A boolean from a JSON body or a form-encoded one: the Airflow provider posts `data=` through requests,
 * which form-encodes it, so flags can arrive as the strings "true" / "false".
 */
import { ErrorCode, SynclineError } from '@syncline/errors';

export function parseBoolean(value: unknown, name: string): boolean | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'True') return true;
  if (value === 'false' || value === 'False') return false;
  throw new SynclineError(ErrorCode.BadUserInput, `${name} must be true or false`, {
    details: { field: name },
  });
}
