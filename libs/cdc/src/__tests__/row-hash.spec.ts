import { keyToString, payloadHash } from '../row-hash';

/** What the managed plan hashes: the JSON of the row's mapped fields, the payload it stages anyway. */
const hashOf = (fields: Record<string, unknown>) => payloadHash(JSON.stringify(fields));

describe('payloadHash of the mapped fields', () => {
  it('never confuses NULL, empty string and the string "null"', () => {
    const hashes = new Set([hashOf({ a: null }), hashOf({ a: '' }), hashOf({ a: 'null' })]);
    expect(hashes.size).toBe(3);
  });

  it('distinguishes a number from its string and a boolean from its string', () => {
    expect(hashOf({ a: 1 })).not.toBe(hashOf({ a: '1' }));
    expect(hashOf({ a: true })).not.toBe(hashOf({ a: 'true' }));
  });

  it('is stable for dates and nested values, and sees changes inside them', () => {
    expect(hashOf({ t: new Date('2026-01-01T00:00:00Z') })).toBe(
      hashOf({ t: new Date(Date.UTC(2026, 0, 1)) }),
    );
    expect(hashOf({ j: { a: 1, b: [1, 2] } })).toBe(hashOf({ j: { a: 1, b: [1, 2] } }));
    expect(hashOf({ j: { a: 1, b: [1, 2] } })).not.toBe(hashOf({ j: { a: 1, b: [2, 1] } }));
  });

  it('changes when any mapped field changes', () => {
    expect(hashOf({ email: 'a@x.io', plan: 'pro' })).not.toBe(hashOf({ email: 'a@x.io', plan: 'free' }));
  });
});

describe('keyToString', () => {
  it('compares keys as strings and keeps null as null', () => {
    expect(keyToString(42)).toBe('42');
    expect(keyToString('42')).toBe('42');
    expect(keyToString(null)).toBeNull();
    expect(keyToString(undefined)).toBeNull();
  });
});
