import { mergeConfigPatch } from '../merge-config-patch.util';

describe('mergeConfigPatch', () => {
  const stored = { host: 'db', port: 5432, password: 's3cret', ssl: true };

  it('keeps stored secrets the patch does not mention', () => {
    expect(mergeConfigPatch(stored, { host: 'db2' })).toEqual({ ...stored, host: 'db2' });
  });

  it('removes keys patched to null', () => {
    expect(mergeConfigPatch(stored, { password: null })).toEqual({ host: 'db', port: 5432, ssl: true });
  });

  it('does not modify the stored object', () => {
    mergeConfigPatch(stored, { port: 1 });
    expect(stored.port).toBe(5432);
  });
});
