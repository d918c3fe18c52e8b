import { ErrorCode, SynclineError } from '@syncline/errors';
import { parseFieldMapping } from '../utils/parse-field-mapping.util';

function problemsOf(raw: unknown): string[] {
  try {
    parseFieldMapping(raw);
  } catch (err) {
    expect(err).toBeInstanceOf(SynclineError);
    expect((err as SynclineError).code).toBe(ErrorCode.InvalidMapping);
    return ((err as SynclineError).details?.problems as string[] | undefined) ?? [(err as Error).message];
  }
  throw new Error('expected parseFieldMapping to throw');
}

describe('parseFieldMapping', () => {
  it('accepts column and static entries and keeps only their known keys', () => {
    expect(
      parseFieldMapping([
        { from: 'email', to: 'Email' },
        { static: { tier: 1 }, to: 'Segment' },
        { static: null, to: 'Cleared' },
      ]),
    ).toEqual([
      { from: 'email', to: 'Email' },
      { static: { tier: 1 }, to: 'Segment' },
      { static: null, to: 'Cleared' },
    ]);
  });

  it.each([[[]], [null], [{ from: 'a', to: 'b' }], ['email']])(
    'rejects %p as not a non-empty array',
    (raw) => {
      expect(problemsOf(raw)[0]).toContain('non-empty array');
    },
  );

  it('lists every entry problem at once', () => {
    expect(
      problemsOf([
        { from: 'email' },
        { from: 'a', static: 1, to: 'x' },
        { to: 'y' },
        { from: '', to: 'z' },
        { from: 'a', to: 'w', extra: true },
        'nope',
      ]),
    ).toEqual([
      'mapping[0].to: must be a non-empty string (the destination field)',
      'mapping[1]: give exactly one of "from" (a model column), "static" (a fixed value) or "template" (Liquid)',
      'mapping[2]: give exactly one of "from" (a model column), "static" (a fixed value) or "template" (Liquid)',
      'mapping[3].from: must be a non-empty string (a model column)',
      'mapping[4]: unknown keys extra',
      'mapping[5]: must be an object {from, to}, {static, to} or {template, to}',
    ]);
  });

  it('rejects a destination field mapped twice', () => {
    expect(
      problemsOf([
        { from: 'a', to: 'email' },
        { static: 'x', to: 'email' },
      ]),
    ).toEqual(['destination field "email" is mapped more than once']);
  });

  it('accepts template entries and nested destination paths', () => {
    expect(
      parseFieldMapping([
        { template: '{{ row.first_name | capitalize }}', to: 'name' },
        { from: 'city', to: 'address.city' },
        { static: 'FR', to: 'address.country' },
      ]),
    ).toEqual([
      { template: '{{ row.first_name | capitalize }}', to: 'name' },
      { from: 'city', to: 'address.city' },
      { static: 'FR', to: 'address.country' },
    ]);
  });

  it("rejects a template Liquid cannot parse, with the parser's message, and unknown filters", () => {
    expect(
      problemsOf([
        { template: '{{ row.first_name ', to: 'a' },
        { template: '{{ row.first_name | capitalise }}', to: 'b' },
        { template: '', to: 'c' },
        { template: 'x', from: 'y', to: 'd' },
      ]),
    ).toEqual([
      expect.stringMatching(/^mapping\[0\]\.template: output "\{\{ row\.first_name " not closed/),
      expect.stringMatching(/^mapping\[1\]\.template: undefined filter: capitalise/),
      'mapping[2].template: must be a non-empty string (a Liquid template)',
      'mapping[3]: give exactly one of "from" (a model column), "static" (a fixed value) or "template" (Liquid)',
    ]);
  });

  it('rejects a field mapped both as a value and as the parent of a nested field', () => {
    expect(
      problemsOf([
        { from: 'a', to: 'address' },
        { from: 'b', to: 'address.city' },
      ]),
    ).toEqual(['destination field "address" is mapped and also has the nested field "address.city"']);
  });
});
