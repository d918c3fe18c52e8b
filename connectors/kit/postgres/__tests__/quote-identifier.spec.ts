import { ErrorCode } from '@syncline/errors';
import { quoteIdentifier, quoteQualified } from '../quote-identifier';

describe('quoteIdentifier', () => {
  it('double-quotes names and doubles embedded quotes', () => {
    expect(quoteIdentifier('users')).toBe('"users"');
    expect(quoteIdentifier('Mixed Case')).toBe('"Mixed Case"');
    expect(quoteIdentifier('a"b')).toBe('"a""b"');
    expect(quoteIdentifier('x"; DROP TABLE t; --')).toBe('"x""; DROP TABLE t; --"');
  });

  it('qualifies schema and table separately', () => {
    expect(quoteQualified('my.schema', 'ta"ble')).toBe('"my.schema"."ta""ble"');
  });

  it('refuses names Postgres cannot hold', () => {
    expect(() => quoteIdentifier('')).toThrow(expect.objectContaining({ code: ErrorCode.InvalidMapping }));
    expect(() => quoteIdentifier('a\u0000b')).toThrow(
      expect.objectContaining({ code: ErrorCode.InvalidMapping }),
    );
  });
});
