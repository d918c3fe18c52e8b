import { cdcFingerprint } from '../fingerprint';

describe('cdcFingerprint', () => {
  const base = [
    { from: 'id', to: 'id' },
    { template: '{{ row.first_name | capitalize }}', to: 'name' },
  ];

  it('changes when a template changes, so the delivered state is not trusted across it', () => {
    const edited = [base[0]!, { template: '{{ row.first_name | upcase }}', to: 'name' }];
    expect(cdcFingerprint('id', edited)).not.toBe(cdcFingerprint('id', base));
  });

  it('tells a template from a static value with the same text', () => {
    const asStatic = [base[0]!, { static: '{{ row.first_name | capitalize }}', to: 'name' }];
    expect(cdcFingerprint('id', asStatic)).not.toBe(cdcFingerprint('id', base));
  });

  it('is stable for the same mapping', () => {
    expect(cdcFingerprint('id', base)).toBe(cdcFingerprint('id', structuredClone(base)));
  });
});
