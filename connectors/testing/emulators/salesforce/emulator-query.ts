/**
 * The one SOQL shape the emulator answers, `SELECT Id, <field> FROM <object> WHERE <field> IN (<values>)`,
 * with SOQL's quoting rules; anything else is MALFORMED_QUERY, as an unparseable query is in Salesforce.
 */
import { RequestError } from './emulator-store';

export interface IdQuery {
  object: string;
  field: string;
  values: string[];
}

const SHAPE = /^SELECT\s+Id\s*,\s*(\w+)\s+FROM\s+(\w+)\s+WHERE\s+(\w+)\s+IN\s*\((.*)\)\s*$/is;
const LITERAL = /\s*(?:'((?:[^'\\]|\\.)*)'|(-?\d+(?:\.\d+)?))\s*(,|$)/y;

export function parseIdQuery(soql: string): IdQuery {
  const match = SHAPE.exec(soql);
  if (!match || match[1] !== match[3])
    throw new RequestError('MALFORMED_QUERY', `unexpected token in query: ${soql.slice(0, 80)}`);
  const [, field, object, , list] = match;
  const values: string[] = [];
  LITERAL.lastIndex = 0;
  while (LITERAL.lastIndex < list!.length) {
    const start = LITERAL.lastIndex;
    const lit = LITERAL.exec(list!);
    if (!lit || LITERAL.lastIndex === start)
      throw new RequestError(
        'MALFORMED_QUERY',
        `unexpected token in IN list near: ${list!.slice(start, start + 40)}`,
      );
    values.push(lit[1] !== undefined ? lit[1].replace(/\\(.)/g, '$1') : lit[2]!);
    if (lit[3] === '') break;
  }
  if (values.length === 0) throw new RequestError('MALFORMED_QUERY', 'an IN list needs at least one value');
  return { object: object!, field: field!, values };
}
