import type { DestinationFieldType } from '@syncline/domain';
import { coerceFields } from '../coerce-fields';
import { coerceValue } from '../coerce-value';

const ok = (value: unknown) => ({ ok: true, value });

describe('coerceValue', () => {
  it.each<[DestinationFieldType, unknown, unknown]>([
    ['string', 'x', 'x'],
    ['string', 42, '42'],
    ['string', 12345678901234567890n, '12345678901234567890'],
    ['string', false, 'false'],
    ['string', new Date('2026-01-02T03:04:05Z'), '2026-01-02T03:04:05.000Z'],
    ['string', { a: 1 }, '{"a":1}'],
    ['string', '', ''],
    ['enumeration', 'gold', 'gold'],
    ['enumeration', 3, '3'],
    ['number', 1.5, 1.5],
    ['number', '1.50', 1.5],
    ['number', ' -2e3 ', -2000],
    ['number', '.5', 0.5],
    ['number', '', null],
    ['integer', 7, 7],
    ['integer', '42', 42],
    ['integer', '3.0', 3],
    ['integer', '9007199254740993', '9007199254740993'],
    ['integer', 9007199254740993n, '9007199254740993'],
    ['boolean', true, true],
    ['boolean', 'TRUE', true],
    ['boolean', 'false', false],
    ['boolean', 1, true],
    ['boolean', 0, false],
    ['boolean', 'yes', true],
    ['boolean', 'No', false],
    ['date', '2026-02-28', '2026-02-28'],
    ['date', new Date('2026-02-28T00:00:00Z'), '2026-02-28'],
    ['date', '2026-02-28T23:30:00-05:00', '2026-02-28'],
    ['datetime', new Date('2026-02-28T10:00:00Z'), '2026-02-28T10:00:00.000Z'],
    ['datetime', '2026-02-28T12:00:00+02:00', '2026-02-28T10:00:00.000Z'],
    ['datetime', '2026-02-28 10:00:00', '2026-02-28T10:00:00.000Z'],
    ['datetime', '2026-02-28', '2026-02-28T00:00:00.000Z'],
    ['json', { a: [1, 2] }, { a: [1, 2] }],
    ['json', [1, 'x'], [1, 'x']],
    ['json', '{"a":1}', { a: 1 }],
    ['json', '[1,2]', [1, 2]],
    ['json', 3, 3],
  ])('%s from %p → %p', (type, input, expected) => {
    expect(coerceValue(input, type)).toEqual(ok(expected));
  });

  it.each<DestinationFieldType>([
    'string',
    'number',
    'integer',
    'boolean',
    'date',
    'datetime',
    'json',
    'enumeration',
  ])('passes null and undefined through as null for %s', (type) => {
    expect(coerceValue(null, type)).toEqual(ok(null));
    expect(coerceValue(undefined, type)).toEqual(ok(null));
  });

  it.each<[DestinationFieldType, unknown, string]>([
    ['number', 'abc', '"abc" is not a number'],
    ['number', Number.NaN, 'NaN is not a number'],
    ['number', true, 'true is not a number'],
    ['integer', 1.5, '1.5 is not an integer'],
    ['integer', '2.25', '"2.25" is not an integer'],
    ['boolean', 'maybe', '"maybe" is not a boolean (true/false, yes/no or 1/0)'],
    ['boolean', 2, '2 is not a boolean (true/false, yes/no or 1/0)'],
    ['date', '2026-02-30', '"2026-02-30" is not a date (YYYY-MM-DD)'],
    ['date', '28/02/2026', '"28/02/2026" is not a date (YYYY-MM-DD)'],
    ['date', 1772236800000, '1772236800000 is not a date (YYYY-MM-DD)'],
    ['datetime', 'yesterday', '"yesterday" is not a date-time (ISO 8601)'],
    ['datetime', '2026-13-01T00:00:00Z', '"2026-13-01T00:00:00Z" is not a date-time (ISO 8601)'],
    ['json', '{not json', '"{not json" is not valid JSON'],
    ['enumeration', { tier: 1 }, '{"tier":1} is not an enumeration value (a string)'],
  ])('refuses %s from %p: %s', (type, input, reason) => {
    expect(coerceValue(input, type)).toEqual({ ok: false, reason });
  });

  it('cuts long values short in the reason', () => {
    const result = coerceValue('x'.repeat(500), 'number');
    expect(result).toEqual({ ok: false, reason: `"${'x'.repeat(39)}… is not a number` });
  });
});

describe('coerceFields', () => {
  it('coerces the fields it has types for and leaves the others and the input alone', () => {
    const input = { age: '42', vip: 'yes', note: 7, address: { zip: 75001 } };
    const result = coerceFields(input, {
      age: 'integer',
      vip: 'boolean',
      'address.zip': 'string',
      missing: 'number',
    });
    expect(result).toEqual({
      ok: true,
      fields: { age: 42, vip: true, note: 7, address: { zip: '75001' } },
    });
    expect(input).toEqual({ age: '42', vip: 'yes', note: 7, address: { zip: 75001 } });
  });

  it('names every field that cannot be coerced, with its value and target type', () => {
    expect(
      coerceFields(
        { age: 'abc', signed_up: 'soon', name: 'Ada' },
        {
          age: 'number',
          signed_up: 'date',
          name: 'string',
        },
      ),
    ).toEqual({
      ok: false,
      reason: 'field "age": "abc" is not a number; field "signed_up": "soon" is not a date (YYYY-MM-DD)',
    });
  });

  it('keeps nested objects for a json field', () => {
    expect(coerceFields({ address: { city: 'Paris' } }, { address: 'json' })).toEqual({
      ok: true,
      fields: { address: { city: 'Paris' } },
    });
  });
});
