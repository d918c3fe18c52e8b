/**
 * The Meta multi-key match keys Syncline maps to, and which of them Meta wants hashed. Shared by the
 * connector (building rows) and the emulator (checking them), so both read the same list.
 */
import type { DestinationFieldType } from '@syncline/domain';

export const MATCH_KEYS = [
  'EMAIL',
  'PHONE',
  'FN',
  'LN',
  'CT',
  'ST',
  'ZIP',
  'COUNTRY',
  'DOBY',
  'GEN',
  'EXTERN_ID',
  'MADID',
] as const;

export type MatchKey = (typeof MATCH_KEYS)[number];

const KNOWN: ReadonlySet<string> = new Set(MATCH_KEYS);

export const isMatchKey = (name: string): name is MatchKey => KNOWN.has(name);

/**
 * Meta's normalisation table: MADID is sent as the device gives it (lower case) and EXTERN_ID is the
 * advertiser's own id, neither hashed by Meta's SDKs; every other key is SHA-256 of its normalised value.
 */
export const UNHASHED_KEYS: ReadonlySet<MatchKey> = new Set<MatchKey>(['EXTERN_ID', 'MADID']);

/** A row needs one of these to identify a person (the others only narrow a match). */
export const IDENTIFYING_KEYS: readonly MatchKey[] = ['EMAIL', 'PHONE', 'MADID', 'EXTERN_ID'];

/** What mapped values are coerced to before normalising: all text, except the birth year. */
export const MATCH_KEY_TYPES: Readonly<Record<MatchKey, DestinationFieldType>> = {
  EMAIL: 'string',
  PHONE: 'string',
  FN: 'string',
  LN: 'string',
  CT: 'string',
  ST: 'string',
  ZIP: 'string',
  COUNTRY: 'string',
  DOBY: 'integer',
  GEN: 'string',
  EXTERN_ID: 'string',
  MADID: 'string',
};

export const SHA256_HEX = /^[0-9a-f]{64}$/;
