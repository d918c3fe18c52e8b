/**
 * Checks a mapping against the fields a destination object reports (`fields(config, object)`) when a sync is
 * saved, so a typo fails then rather than on every row of every run. An empty field list is a free-form
 * destination (a webhook): anything may be mapped.
 */
import type { DestinationConnector, DestinationField, FieldMapping, SyncMode } from '@syncline/domain';
import { ErrorCode, SynclineError } from '@syncline/errors';
import { rootField } from './target-path';

const MAX_LISTED_FIELDS = 30;
const MODES_CREATING_RECORDS: readonly SyncMode[] = ['insert', 'upsert', 'mirror'];

function listFields(fields: readonly DestinationField[]): string {
  const names = fields.map((f) => f.name);
  const shown = names.slice(0, MAX_LISTED_FIELDS).join(', ');
  return names.length > MAX_LISTED_FIELDS ? `${shown} and ${names.length - MAX_LISTED_FIELDS} more` : shown;
}

export function validateMappingAgainstFields(
  mapping: readonly FieldMapping[],
  fields: readonly DestinationField[],
  mode: SyncMode,
  rules: NonNullable<DestinationConnector['fieldNames']> = {},
): void {
  if (fields.length === 0) return;
  const name = (n: string) => (rules.ignoreCase ? n.toLowerCase() : n);
  const known = new Set(fields.map((f) => name(f.name)));
  const problems = rules.custom
    ? []
    : mapping.flatMap(({ to }) =>
        known.has(name(rootField(to))) ? [] : [`"${to}" is not a field of the destination`],
      );
  // An update only touches records that exist, so it may leave required fields alone.
  if (MODES_CREATING_RECORDS.includes(mode)) {
    const mapped = new Set(mapping.map(({ to }) => name(rootField(to))));
    for (const field of fields) {
      if (field.required && !mapped.has(name(field.name))) {
        problems.push(`required field "${field.name}" is not mapped (needed for ${mode} syncs)`);
      }
    }
  }
  if (problems.length > 0) {
    throw new SynclineError(
      ErrorCode.InvalidMapping,
      `Invalid mapping: ${problems.join('; ')}. Known fields: ${listFields(fields)}`,
      { details: { problems, knownFields: fields.slice(0, MAX_LISTED_FIELDS).map((f) => f.name) } },
    );
  }
}
