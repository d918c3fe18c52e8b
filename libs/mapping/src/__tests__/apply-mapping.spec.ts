import { ErrorCode } from '@syncline/errors';
import { applyMapping } from '../apply-mapping';

describe('applyMapping', () => {
  it('renames columns, adds static values and maps missing columns to null', () => {
    const fields = applyMapping({ id: 1, email: 'a@x.io', ignored: true }, [
      { from: 'id', to: 'customer_id' },
      { from: 'email', to: 'email' },
      { from: 'phone', to: 'phone' },
      { static: 'warehouse', to: 'origin' },
    ]);
    expect(fields).toEqual({ customer_id: 1, email: 'a@x.io', phone: null, origin: 'warehouse' });
  });

  it('renders templates with the row exposed as `row`, filters included', () => {
    const fields = applyMapping({ first_name: 'ada', last_name: 'LOVELACE', visits: 41, tags: ['a', 'b'] }, [
      {
        template: '{{ row.first_name | capitalize }} {{ row.last_name | downcase | capitalize }}',
        to: 'name',
      },
      { template: '{{ row.visits | plus: 1 }}', to: 'visits' },
      { template: '{{ row.tags | join: "|" }}', to: 'tags' },
      { template: '{% if row.visits > 40 %}loyal{% else %}new{% endif %}', to: 'segment' },
      { template: '{{ row.missing }}', to: 'empty' },
    ]);
    expect(fields).toEqual({ name: 'Ada Lovelace', visits: '42', tags: 'a|b', segment: 'loyal', empty: '' });
  });

  it('renders timestamps the same whether they arrive as Date objects or ISO strings', () => {
    const template = [{ template: '{{ row.at | date: "%Y-%m-%d" }} / {{ row.at }}', to: 'at' }];
    const fromDriver = applyMapping({ at: new Date('2026-03-04T05:06:07.000Z') }, template);
    const fromJson = applyMapping({ at: '2026-03-04T05:06:07.000Z' }, template);
    expect(fromDriver).toEqual({ at: '2026-03-04 / 2026-03-04T05:06:07.000Z' });
    expect(fromJson).toEqual(fromDriver);
  });

  it('builds nested objects from dotted destination paths, in mapping order', () => {
    const fields = applyMapping({ id: 7, city: 'Paris', zip: '75001' }, [
      { from: 'id', to: 'id' },
      { from: 'city', to: 'address.city' },
      { static: 'FR', to: 'address.country.code' },
      { template: '{{ row.zip }}-{{ row.city | upcase }}', to: 'address.label' },
    ]);
    expect(fields).toEqual({
      id: 7,
      address: { city: 'Paris', country: { code: 'FR' }, label: '75001-PARIS' },
    });
    expect(JSON.stringify(fields)).toBe(
      '{"id":7,"address":{"city":"Paris","country":{"code":"FR"},"label":"75001-PARIS"}}',
    );
  });

  it('never lets a row or a path reach the prototype', () => {
    const fields = applyMapping({ a: 1 }, [
      { template: '[{{ row.constructor }}]', to: 'x' },
      { static: { polluted: true }, to: '__proto__' },
    ]);
    expect(fields.x).toBe('[]');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reports a template that cannot render as an invalid mapping naming the field', () => {
    expect(() => applyMapping({}, [{ template: '{{ row.a | no_such_filter }}', to: 'greeting' }])).toThrow(
      expect.objectContaining({
        code: ErrorCode.InvalidMapping,
        message: expect.stringContaining('field "greeting"'),
      }),
    );
  });
});
