/**
 * Meta's normalisation rules per match key, applied before hashing so the same person always hashes the
 * same way. A value that cannot be normalised is reported by field name only: the raw value is PII and
 * never appears in a reason.
 */
import { createHash } from 'node:crypto';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import type { MatchKey } from './match-keys';

export type Normalized = { ok: true; value: string } | { ok: false; problem: string };

const ok = (value: string): Normalized => ({ ok: true, value });
const fail = (problem: string): Normalized => ({ ok: false, problem });

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const US_ZIP = /^(\d{5})(?:-?\d{4})?$/;
const FIRST_BIRTH_YEAR = 1900;

/** Letters only, lower case: Meta's "a-z only, no punctuation, special characters in UTF-8" for names and cities. */
const lettersOnly = (text: string): string =>
  text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}]/gu, '');

function phone(text: string, defaultCountry?: CountryCode): Normalized {
  const international = text.startsWith('+') || text.startsWith('00');
  const candidate = text.startsWith('00') ? `+${text.slice(2)}` : text;
  if (!international && !defaultCountry)
    return fail('has no country code: write it with a leading + or set defaultCountryCode');
  const parsed = parsePhoneNumberFromString(candidate, international ? undefined : defaultCountry);
  if (!parsed || !parsed.isValid()) return fail('is not a valid phone number');
  // E.164 without the "+": country code then national number, digits only, no leading zeros.
  return ok(parsed.number.slice(1));
}

function birthYear(text: string): Normalized {
  if (!/^\d{4}$/.test(text)) return fail('must be a four-digit year');
  const year = Number(text);
  if (year < FIRST_BIRTH_YEAR || year > new Date().getUTCFullYear())
    return fail(`must be a year from ${FIRST_BIRTH_YEAR} to this year`);
  return ok(text);
}

function gender(text: string): Normalized {
  const value = text.toLowerCase();
  if (value === 'm' || value === 'male') return ok('m');
  if (value === 'f' || value === 'female') return ok('f');
  return fail('must be m, f, male or female');
}

function zip(text: string): Normalized {
  const us = US_ZIP.exec(text);
  // US ZIP codes are the first five digits only; elsewhere lower case without spaces.
  const value = us ? us[1]! : text.toLowerCase().replace(/\s+/g, '');
  return value ? ok(value) : fail('is empty');
}

export function normalizeMatchKey(key: MatchKey, raw: string, defaultCountry?: CountryCode): Normalized {
  const text = raw.trim();
  switch (key) {
    case 'EMAIL': {
      const value = text.toLowerCase();
      return EMAIL.test(value) ? ok(value) : fail('is not an email address');
    }
    case 'PHONE':
      return phone(text, defaultCountry);
    case 'FN':
    case 'LN':
    case 'CT':
    case 'ST': {
      const value = lettersOnly(text);
      return value ? ok(value) : fail('has no letters');
    }
    case 'ZIP':
      return zip(text);
    case 'COUNTRY': {
      const value = text.toLowerCase();
      return /^[a-z]{2}$/.test(value) ? ok(value) : fail('must be a 2-letter ISO 3166-1 alpha-2 code');
    }
    case 'DOBY':
      return birthYear(text);
    case 'GEN':
      return gender(text);
    case 'MADID':
      // Advertising ids keep their hyphens, in lower case.
      return text ? ok(text.toLowerCase()) : fail('is empty');
    case 'EXTERN_ID':
      return text ? ok(text) : fail('is empty');
  }
}

export const sha256Hex = (value: string): string => createHash('sha256').update(value, 'utf8').digest('hex');
