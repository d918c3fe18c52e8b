/**
 * What Braze's user attributes object and event object hold: the standard profile fields with their types
 * (Braze docs, "User attributes object" and "Event object"), the allowed values of the enumerated ones, and
 * the identifiers a sync can key by. Any other attribute name is a custom attribute and passes as mapped.
 */
import type { DestinationField, DestinationFieldType } from '@syncline/domain';

export const USERS_OBJECT = 'users';
export const EVENTS_OBJECT = 'events';

/** The identifiers a sync may key by; Braze also knows braze_id, user_alias and phone. */
export const KEY_IDENTIFIERS = ['external_id', 'email'] as const;
export type KeyIdentifier = (typeof KEY_IDENTIFIERS)[number];

export const STANDARD_ATTRIBUTE_TYPES: Readonly<Record<string, DestinationFieldType>> = {
  external_id: 'string',
  email: 'string',
  first_name: 'string',
  last_name: 'string',
  phone: 'string',
  country: 'string',
  home_city: 'string',
  dob: 'date',
  gender: 'enumeration',
  language: 'string',
  time_zone: 'string',
  email_subscribe: 'enumeration',
  push_subscribe: 'enumeration',
  image_url: 'string',
};

/** Braze documents gender as M, F, O, N, P (or null) and the subscribe states as these three strings. */
export const ENUMERATIONS: Readonly<Record<string, readonly string[]>> = {
  gender: ['M', 'F', 'O', 'N', 'P'],
  email_subscribe: ['opted_in', 'subscribed', 'unsubscribed'],
  push_subscribe: ['opted_in', 'subscribed', 'unsubscribed'],
};

/** Event fields the connector places itself; every other mapped field becomes an event property. */
export const EVENT_FIELD_TYPES: Readonly<Record<string, DestinationFieldType>> = {
  external_id: 'string',
  email: 'string',
  name: 'string',
  time: 'datetime',
  app_id: 'string',
  properties: 'json',
};

export function userFields(): DestinationField[] {
  return Object.entries(STANDARD_ATTRIBUTE_TYPES).map(([name, type]) => ({
    name,
    type,
    // The identifier depends on the sync's key field, so neither is required on its own.
    required: false,
  }));
}

export function eventFields(): DestinationField[] {
  return Object.entries(EVENT_FIELD_TYPES).map(([name, type]) => ({
    name,
    type,
    required: name === 'name',
  }));
}
