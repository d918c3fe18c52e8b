import { pgColumn, pgTypeInfo } from '../column-types';

describe('pg type mapping', () => {
  it.each([
    [16, 'boolean', 'boolean'],
    [20, 'integer', 'bigint'],
    [23, 'integer', 'integer'],
    [1700, 'number', 'numeric'],
    [701, 'number', 'double precision'],
    [25, 'string', 'text'],
    [2950, 'string', 'uuid'],
    [1082, 'date', 'date'],
    [1184, 'timestamp', 'timestamp with time zone'],
    [3802, 'json', 'jsonb'],
    [1007, 'json', 'integer[]'],
  ])('maps OID %i to %s (%s)', (oid, type, nativeType) => {
    expect(pgTypeInfo(oid)).toEqual({ type, nativeType });
  });

  it('keeps the server name for types outside the built-in table', () => {
    expect(pgTypeInfo(98765, 'mood')).toEqual({ type: 'unknown', nativeType: 'mood' });
    expect(pgTypeInfo(98765)).toEqual({ type: 'unknown', nativeType: 'oid 98765' });
  });

  it('builds a column', () => {
    expect(pgColumn('id', 20)).toEqual({ name: 'id', type: 'integer', nativeType: 'bigint' });
  });
});
