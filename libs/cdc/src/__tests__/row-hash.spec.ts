import { keyToString, payloadHash, rowHash } from '../row-hash';

describe('rowHash', () => {
  it('never confuses NULL, empty string and the string "null"', () => {
    const hashes = new Set([rowHash({ a: null }), rowHash({ a: '' }), rowHash({ a: 'null' })]);
    expect(hashes.size).toBe(3);
  });

  it('distinguishes a number from its string and a boolean from its string', () => {
    expect(rowHash({ a: 1 })).not.toBe(rowHash({ a: '1' }));
    expect(rowHash({ a: true })).not.toBe(rowHash({ a: 'true' }));
  });

  it('is stable for dates, bigints and nested values, and sees changes inside them', () => {
    expect(rowHash({ t: new Date('2026-01-01T00:00:00Z') })).toBe(
      rowHash({ t: new Date(Date.UTC(2026, 0, 1)) }),
    );
    expect(rowHash({ n: 10n })).toBe(rowHash({ n: BigInt(10) }));
    expect(rowHash({ j: { a: 1, b: [1, 2] } })).toBe(rowHash({ j: { a: 1, b: [1, 2] } }));
    expect(rowHash({ j: { a: 1, b: [1, 2] } })).not.toBe(rowHash({ j: { a: 1, b: [2, 1] } }));
  });

  it('changes when any mapped field changes, and equals the hash of the staged payload', () => {
    expect(rowHash({ email: 'a@x.io', plan: 'pro' })).not.toBe(rowHash({ email: 'a@x.io', plan: 'free' }));
    expect(rowHash({ email: 'a@x.io' })).toBe(payloadHash('{"email":"a@x.io"}'));
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
