import { tableSelectSql } from '../table-select-sql';

describe('tableSelectSql', () => {
  it('quotes names for each dialect, doubling embedded quotes', () => {
    expect(tableSelectSql('postgres', { schema: 'an"alytics', table: 'Users' })).toBe(
      'SELECT * FROM "an""alytics"."Users"',
    );
    expect(tableSelectSql('mysql', { schema: 'shop', table: 'or`ders' })).toBe(
      'SELECT * FROM `shop`.`or``ders`',
    );
    expect(tableSelectSql('snowflake', { schema: 'PUBLIC', table: 'CUSTOMERS' })).toBe(
      'SELECT * FROM "PUBLIC"."CUSTOMERS"',
    );
  });

  it('refuses an empty name', () => {
    expect(() => tableSelectSql('duckdb', { schema: '', table: 't' })).toThrow(/non-empty/);
  });
});
