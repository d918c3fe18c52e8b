import { ErrorCode } from '@syncline/errors';
import { templateProblem } from '../mapping-template';
import { targetPathProblems } from '../target-path';
import { validateMapping } from '../validate-mapping';

describe('validateMapping', () => {
  it('names the columns the model does not return', () => {
    expect(() => validateMapping([{ from: 'mail', to: 'email' }], ['id', 'email'])).toThrow(
      expect.objectContaining({ code: ErrorCode.InvalidMapping, message: expect.stringContaining('mail') }),
    );
  });

  it('refuses a field mapped twice and an empty mapping', () => {
    expect(() =>
      validateMapping(
        [
          { from: 'id', to: 'x' },
          { from: 'email', to: 'x' },
        ],
        ['id', 'email'],
      ),
    ).toThrow(/"x" is mapped more than once/);
    expect(() => validateMapping([], ['id'])).toThrow(/empty/);
  });

  it('accepts templates whatever columns they read, and refuses ones that do not parse', () => {
    expect(() => validateMapping([{ template: '{{ row.anything }}', to: 'a' }], ['id'])).not.toThrow();
    expect(() => validateMapping([{ template: '{{ row.a', to: 'a' }], ['id'])).toThrow(
      expect.objectContaining({
        code: ErrorCode.InvalidMapping,
        message: expect.stringContaining('field "a"'),
      }),
    );
  });
});

describe('targetPathProblems', () => {
  it('refuses a field that is both mapped and the parent of a nested field', () => {
    expect(
      targetPathProblems([
        { from: 'a', to: 'address' },
        { from: 'b', to: 'address.city' },
        { from: 'c', to: 'geo.lat' },
        { from: 'd', to: 'geo.lat.deg' },
      ]),
    ).toEqual([
      'destination field "address" is mapped and also has the nested field "address.city"',
      'destination field "geo.lat" is mapped and also has the nested field "geo.lat.deg"',
    ]);
  });

  it('refuses empty path parts and names that would reach the prototype', () => {
    expect(
      targetPathProblems([
        { from: 'a', to: 'address..city' },
        { from: 'b', to: 'x.__proto__' },
      ]),
    ).toEqual([
      'destination field "address..city" has an empty part: write nested fields as "parent.child"',
      'destination field "x.__proto__" uses a reserved name',
    ]);
  });

  it('accepts siblings under one parent', () => {
    expect(
      targetPathProblems([
        { from: 'a', to: 'address.city' },
        { from: 'b', to: 'address.zip' },
      ]),
    ).toEqual([]);
  });
});

describe('templateProblem', () => {
  it.each([
    ['{{ row.first_name | capitalize }}', undefined],
    ['{% if row.vip %}VIP{% endif %}', undefined],
  ])('accepts %s', (template, expected) => {
    expect(templateProblem(template)).toBe(expected);
  });

  it('reports Liquid parse errors with their message', () => {
    expect(templateProblem('{{ row.first_name ')).toMatch(/not closed/);
    expect(templateProblem('{% if row.a %}yes')).toMatch(/not closed/);
  });

  it('reports unknown filters', () => {
    expect(templateProblem('{{ row.first_name | capitalise }}')).toMatch(/undefined filter: capitalise/);
  });

  it('refuses tags that would read files', () => {
    expect(templateProblem('{% include "secrets.txt" %}')).toMatch(/"include" tag is not available/);
    expect(templateProblem('{% render "x" %}')).toMatch(/"render" tag is not available/);
  });
});
