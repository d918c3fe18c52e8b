/** Literals and identifiers per dialect: whatever a value holds, it stays one literal meaning exactly itself. */
import { duckdbDialect, mysqlDialect, postgresDialect, snowflakeDialect } from '../index';

describe('dialect literals and identifiers', () => {
  it('doubles quotes everywhere and writes backslashes so no dialect reads them as escapes', () => {
    expect(postgresDialect.string("it's")).toBe("'it''s'");
    expect(postgresDialect.string('a\\b\'c')).toBe("E'a\\\\b''c'");
    expect(duckdbDialect.string('a\\b\'c')).toBe("'a\\b''c'");
    expect(snowflakeDialect.string('a\\b\'c')).toBe("'a\\\\b''c'");
    expect(mysqlDialect.string("it's")).toBe("'it''s'");
    // MySQL's meaning of a backslash depends on sql_mode: such values go as UTF-8 hex, which does not.
    expect(mysqlDialect.string('a\\b')).toBe("_utf8mb4 X'615c62'");
  });

  it('quotes identifiers, doubling the quote character', () => {
    expect(postgresDialect.ident('we"ird')).toBe('"we""ird"');
    expect(snowflakeDialect.ident('ID')).toBe('"ID"');
    expect(mysqlDialect.ident('we`ird')).toBe('`we``ird`');
  });

  it('parenthesises negative numbers so `- -1` never becomes a comment', () => {
    for (const d of [postgresDialect, mysqlDialect, duckdbDialect, snowflakeDialect]) {
      expect(d.number('-1.50')).toBe('(-1.50)');
      expect(d.number('12345678901234567890.123')).toBe('12345678901234567890.123');
    }
  });
});
