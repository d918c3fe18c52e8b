/** Syncline's column types → the compiler's column kinds; dialects refine arrays and JSON. */
import type { Column } from '@syncline/domain';
import type { ColumnKind } from './dialect';

export function baseKind(column: Column): ColumnKind {
  switch (column.type) {
    case 'string':
      return 'text';
    case 'integer':
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'date':
      return 'date';
    case 'timestamp':
      return 'timestamp';
    default:
      return 'other';
  }
}

/** Exact decimals keep their text; a negative one is parenthesised so `- -1` can never read as a comment. */
export function numberLiteral(text: string): string {
  return text.startsWith('-') ? `(${text})` : text;
}

export function doubleQuote(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
