import { ErrorCode } from '@syncline/errors';
import { applyMapping } from '../apply-mapping';
import { validateMapping } from '../validate-mapping';

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
});

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
    ).toThrow(/more than once: x/);
    expect(() => validateMapping([], ['id'])).toThrow(/empty/);
  });
});
