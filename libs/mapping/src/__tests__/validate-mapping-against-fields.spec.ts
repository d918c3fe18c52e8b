import type { DestinationField, FieldMapping } from '@syncline/domain';
import { ErrorCode, SynclineError } from '@syncline/errors';
import { validateMappingAgainstFields } from '../validate-mapping-against-fields';

const field = (name: string, required = false): DestinationField => ({ name, type: 'string', required });
const contactFields = [field('email', true), field('first_name'), field('address'), field('plan')];

function errorOf(run: () => void): SynclineError {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(SynclineError);
    return err as SynclineError;
  }
  throw new Error('expected an invalid mapping');
}

describe('validateMappingAgainstFields', () => {
  it('accepts known fields, nested paths under a known field and templates', () => {
    const mapping: FieldMapping[] = [
      { from: 'mail', to: 'email' },
      { template: '{{ row.first | capitalize }}', to: 'first_name' },
      { from: 'city', to: 'address.city' },
    ];
    expect(() => validateMappingAgainstFields(mapping, contactFields, 'upsert')).not.toThrow();
  });

  it('lists every unknown field and missing required field, naming the known fields', () => {
    const err = errorOf(() =>
      validateMappingAgainstFields(
        [
          { from: 'a', to: 'emial' },
          { static: 1, to: 'location.city' },
        ],
        contactFields,
        'insert',
      ),
    );
    expect(err.code).toBe(ErrorCode.InvalidMapping);
    expect(err.details?.problems).toEqual([
      '"emial" is not a field of the destination',
      '"location.city" is not a field of the destination',
      'required field "email" is not mapped (needed for insert syncs)',
    ]);
    expect(err.message).toContain('Known fields: email, first_name, address, plan');
  });

  it('does not ask update syncs to map required fields', () => {
    expect(() =>
      validateMappingAgainstFields([{ from: 'p', to: 'plan' }], contactFields, 'update'),
    ).not.toThrow();
    expect(() => validateMappingAgainstFields([{ from: 'p', to: 'plan' }], contactFields, 'mirror')).toThrow(
      /required field "email" is not mapped/,
    );
  });

  it('accepts anything for a free-form destination (no discovered fields)', () => {
    expect(() =>
      validateMappingAgainstFields([{ template: '{{ row.x }}', to: 'whatever.deep' }], [], 'insert'),
    ).not.toThrow();
  });

  it('truncates a long list of known fields', () => {
    const many = Array.from({ length: 45 }, (_, i) => field(`f${i}`));
    const err = errorOf(() => validateMappingAgainstFields([{ from: 'a', to: 'nope' }], many, 'update'));
    expect(err.message).toMatch(/Known fields: f0, f1, .*, f29 and 15 more$/);
    expect(err.details?.knownFields).toHaveLength(30);
  });

  it('accepts custom fields where the destination takes them, still asking for required ones', () => {
    const custom = [
      { from: 'a', to: 'email' },
      { from: 'b', to: 'lifetime_value' },
    ];
    expect(() =>
      validateMappingAgainstFields(custom, contactFields, 'upsert', { custom: true }),
    ).not.toThrow();
    const err = errorOf(() =>
      validateMappingAgainstFields([{ from: 'b', to: 'lifetime_value' }], contactFields, 'upsert', {
        custom: true,
      }),
    );
    expect(err.message).toContain('required field "email" is not mapped');
  });

  it('matches names in any case where the destination ignores case', () => {
    const upper = [field('EMAIL', true), field('PHONE')];
    const mapping = [
      { from: 'a', to: 'email' },
      { from: 'b', to: 'Phone' },
    ];
    expect(() => validateMappingAgainstFields(mapping, upper, 'insert', { ignoreCase: true })).not.toThrow();
    expect(() => validateMappingAgainstFields(mapping, upper, 'insert')).toThrow('"email" is not a field');
  });
});
