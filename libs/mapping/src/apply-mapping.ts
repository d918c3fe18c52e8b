/** Turns a model row into destination fields according to a sync's field mapping. */
import type { FieldMapping, Row } from '@syncline/domain';
import { renderTemplate, templateScope } from './mapping-template';
import { setAtPath } from './target-path';

/**
 * Fields come out in mapping order (row hashes depend on it); a dotted `to` builds nested objects. Throws
 * InvalidMapping when a template cannot render, which concerns the sync's setup rather than one row.
 */
export function applyMapping(row: Row, mapping: readonly FieldMapping[]): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  let scope: { row: Row } | undefined;
  for (const entry of mapping) {
    let value: unknown;
    if ('from' in entry) {
      // A column missing from the row maps to null (not undefined) so it survives JSON and hashes stably.
      value = row[entry.from] ?? null;
    } else if ('template' in entry) {
      scope ??= templateScope(row);
      value = renderTemplate(entry.template, scope, entry.to);
    } else {
      value = entry.static;
    }
    setAtPath(fields, entry.to, value);
  }
  return fields;
}
