import { createHash } from 'node:crypto';
import { normalizeMatchKey, sha256Hex } from '../normalize-match-key';

describe('normalizeMatchKey (Meta normalisation rules)', () => {
  it.each([
    ['EMAIL', '  Jane.Doe@Example.COM ', 'jane.doe@example.com'],
    ['PHONE', '+1 (650) 253-0000', '16502530000'],
    ['PHONE', '(650) 253-0000', '16502530000'],
    ['PHONE', '0044 20 7183 8750', '442071838750'],
    ['FN', " Mary-Ann O'Neil ", 'maryannoneil'],
    ['LN', 'Müller', 'müller'],
    ['CT', 'San Francisco', 'sanfrancisco'],
    ['ST', 'CA', 'ca'],
    ['ZIP', '94103-1234', '94103'],
    ['ZIP', 'SW1A 1AA', 'sw1a1aa'],
    ['COUNTRY', ' US ', 'us'],
    ['DOBY', '1990', '1990'],
    ['GEN', 'Female', 'f'],
    ['MADID', 'AECE52E7-03EE-455A-B3C4-E57283966239', 'aece52e7-03ee-455a-b3c4-e57283966239'],
    ['EXTERN_ID', ' cust-42 ', 'cust-42'],
  ] as const)('%s %j → %j', (key, raw, expected) => {
    expect(normalizeMatchKey(key, raw, 'US')).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['EMAIL', 'not-an-email', 'is not an email address'],
    ['PHONE', '12', 'is not a valid phone number'],
    ['COUNTRY', 'USA', 'must be a 2-letter ISO 3166-1 alpha-2 code'],
    ['DOBY', '1850', 'must be a year from 1900 to this year'],
    ['GEN', 'x', 'must be m, f, male or female'],
    ['FN', '1234', 'has no letters'],
  ] as const)('refuses %s %j without quoting it', (key, raw, problem) => {
    const result = normalizeMatchKey(key, raw, 'US');
    expect(result).toEqual({ ok: false, problem });
    expect(JSON.stringify(result)).not.toContain(raw);
  });

  it('needs a country for a phone number without + when no default country is set', () => {
    expect(normalizeMatchKey('PHONE', '650 253 0000')).toEqual({
      ok: false,
      problem: 'has no country code: write it with a leading + or set defaultCountryCode',
    });
  });

  it('hashes as lowercase SHA-256 hex of the UTF-8 bytes', () => {
    expect(sha256Hex('müller')).toBe(
      createHash('sha256').update(Buffer.from('müller', 'utf8')).digest('hex'),
    );
    expect(sha256Hex('a')).toMatch(/^[0-9a-f]{64}$/);
  });
});
