import type { TableColumn, TableShape } from '../table-columns';
import {
  deleteStatement,
  insertStatement,
  maxRowsPerStatement,
  toParam,
  updateStatement,
} from '../write-statements';

const column = (name: string, sqlType: string, json = false): TableColumn => ({
  name,
  sqlType,
  fieldType: json ? 'json' : 'string',
  json,
  required: false,
  generated: false,
});

const shape: TableShape = {
  schema: 'public',
  table: 'contacts',
  qualified: '"public"."contacts"',
  columns: new Map([
    ['id', column('id', 'integer')],
    ['e"mail', column('e"mail', 'character varying(80)')],
    ['traits', column('traits', 'jsonb', true)],
  ]),
};

describe('write statements', () => {
  it('upserts many rows in one statement with bound values only', () => {
    const s = insertStatement(
      shape,
      ['id', 'e"mail'],
      [
        ['1', "a'@x"],
        ['2', 'b@x'],
      ],
      'update',
    );
    expect(s.text).toBe(
      'INSERT INTO "public"."contacts" ("id", "e""mail") VALUES ($1, $2), ($3, $4) ON CONFLICT ("id") DO UPDATE SET "e""mail" = EXCLUDED."e""mail"',
    );
    expect(s.values).toEqual(['1', "a'@x", '2', 'b@x']);
  });

  it('inserts without touching existing rows', () => {
    expect(insertStatement(shape, ['id', 'e"mail'], [['1', 'a']], 'nothing').text).toMatch(
      /ON CONFLICT \("id"\) DO NOTHING$/,
    );
    // Only the key mapped: nothing to update on conflict.
    expect(insertStatement(shape, ['id'], [['1']], 'update').text).toMatch(/DO NOTHING$/);
  });

  it('updates through a typed VALUES list and returns matched positions', () => {
    const s = updateStatement(shape, ['id', 'e"mail'], [['7', 'x']]);
    expect(s.text).toBe(
      'UPDATE "public"."contacts" AS t SET "e""mail" = v.c2 FROM (VALUES (CAST($1 AS integer), CAST($2 AS integer), CAST($3 AS character varying(80)))) AS v(c0, c1, c2) WHERE t."id" = v.c1 RETURNING v.c0 AS position',
    );
    expect(s.values).toEqual([0, '7', 'x']);
  });

  it('deletes by a typed key array', () => {
    expect(deleteStatement(shape, 'id', ['1', '2'])).toEqual({
      text: 'DELETE FROM "public"."contacts" WHERE "id" = ANY(CAST($1 AS integer[]))',
      values: [['1', '2']],
    });
  });

  it('sends JSON columns as JSON text and missing values as NULL', () => {
    expect(toParam(shape.columns.get('traits'), ['a', { b: 1 }])).toBe('["a",{"b":1}]');
    expect(toParam(shape.columns.get('id'), undefined)).toBeNull();
    expect(toParam(shape.columns.get('id'), 5)).toBe(5);
  });

  it('keeps statements under the 65535 parameter limit', () => {
    expect(maxRowsPerStatement(3)).toBe(21845);
    expect(maxRowsPerStatement(200) * 200).toBeLessThanOrEqual(65535);
  });
});
