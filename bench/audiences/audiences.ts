/**
 * The five representative audiences of the benchmark, each with the query a data engineer would write by
 * hand for the same members, in the form Postgres runs best (IN over a grouped or joined set, an anti-join by
 * LEFT JOIN … IS NULL under OR, the second event of a sequence as EXISTS). Forms Postgres plans badly here — a
 * correlated EXISTS over a self-join per user, or `u.id IN (…)` over the sequence — took 73 s against 7 s on
 * this machine: they would flatter Syncline, so the yardstick is the fast form.
 */
import type { Condition } from '@syncline/audiences';

export interface BenchAudience {
  name: string;
  conditions: Condition[];
  match?: 'and' | 'or';
  hand: string;
}

const property: Condition[] = [
  { type: 'property', column: 'plan', operator: 'in', value: ['pro', 'enterprise'] },
  { type: 'property', column: 'age', operator: 'gte', value: 30 },
  { type: 'property', column: 'country', operator: 'equals', value: 'FR' },
];

export const PROPERTY_AUDIENCE_ID = '00000000-0000-4000-8000-000000000001';

export function benchAudiences(rel: { purchases: string; events: string }): BenchAudience[] {
  return [
    {
      name: 'property only',
      conditions: property,
      hand: `SELECT count(*) FROM users WHERE plan IN ('pro', 'enterprise') AND age >= 30 AND country = 'FR'`,
    },
    {
      name: 'event count in a window',
      conditions: [
        {
          type: 'event',
          relationshipId: rel.events,
          eventType: 'page_view',
          count: { operator: 'at_least', value: 3 },
          window: { type: 'within_last_days', days: 30 },
        },
      ],
      hand: `SELECT count(*) FROM users u WHERE u.id IN (
               SELECT user_id FROM events WHERE event_type = 'page_view' AND occurred_at >= now() - interval '30 days'
                GROUP BY user_id HAVING count(*) >= 3)`,
    },
    {
      name: 'relation with count',
      conditions: [
        {
          type: 'relation',
          relationshipId: rel.purchases,
          count: { operator: 'at_least', value: 2 },
          conditions: [{ type: 'property', column: 'category', operator: 'equals', value: 'books' }],
        },
      ],
      hand: `SELECT count(*) FROM users u WHERE u.id IN (
               SELECT user_id FROM purchases WHERE category = 'books' GROUP BY user_id HAVING count(*) >= 2)`,
    },
    {
      name: 'sequence',
      conditions: [
        {
          type: 'event_sequence',
          relationshipId: rel.events,
          first: {
            eventType: 'page_view',
            conditions: [{ type: 'property', column: 'page', operator: 'equals', value: '/pricing' }],
          },
          then: { eventType: 'purchase' },
          withinDays: 7,
        },
      ],
      hand: `SELECT count(*) FROM users u JOIN (
               SELECT DISTINCT a.user_id FROM events a
                WHERE a.event_type = 'page_view' AND a.page = '/pricing'
                  AND EXISTS (SELECT 1 FROM events b WHERE b.user_id = a.user_id AND b.event_type = 'purchase'
                                AND b.occurred_at > a.occurred_at AND b.occurred_at <= a.occurred_at + interval '7 days')) s
               ON s.user_id = u.id`,
    },
    {
      name: 'nested OR with NOT and membership',
      match: 'or',
      conditions: [
        { type: 'audience', audienceId: PROPERTY_AUDIENCE_ID },
        {
          type: 'and',
          conditions: [
            { type: 'relation', relationshipId: rel.purchases, not: true },
            { type: 'property', column: 'signed_up_at', operator: 'within_last_days', value: 90 },
          ],
        },
      ],
      hand: `SELECT count(*) FROM users u LEFT JOIN (SELECT DISTINCT user_id FROM purchases) b ON b.user_id = u.id
              WHERE (u.plan IN ('pro', 'enterprise') AND u.age >= 30 AND u.country = 'FR')
                 OR (b.user_id IS NULL AND u.signed_up_at >= now() - interval '90 days' AND u.signed_up_at <= now())`,
    },
  ];
}

export const PROPERTY_CONDITIONS = property;
