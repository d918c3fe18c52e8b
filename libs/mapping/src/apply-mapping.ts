/** Turns a model row into destination fields according to a sync's field mapping. */
import type { FieldMapping, Row } from '@syncline/domain';

export function applyMapping(row: Row, mapping: readonly FieldMapping[]): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const entry of mapping) {
    // A column missing from the row maps to null (not undefined) so it survives JSON and hashes stably.
    fields[entry.to] = 'from' in entry ? (row[entry.from] ?? null) : entry.static;
  }
  return fields;
}
