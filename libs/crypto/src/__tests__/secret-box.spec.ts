import { randomBytes } from 'node:crypto';
import { SecretBox } from '../secret-box';

const key = randomBytes(32).toString('base64');

describe('SecretBox', () => {
  it('round-trips JSON and never stores the plaintext', () => {
    const box = new SecretBox(key);
    const sealed = box.encryptJson({ password: 'hunter2' });
    expect(sealed).not.toContain('hunter2');
    expect(box.decryptJson(sealed)).toEqual({ password: 'hunter2' });
  });

  it('uses a fresh IV so equal secrets encrypt differently', () => {
    const box = new SecretBox(key);
    expect(box.encrypt('same')).not.toEqual(box.encrypt('same'));
  });

  it('refuses tampered ciphertext', () => {
    const box = new SecretBox(key);
    const sealed = box.encrypt('value');
    const raw = Buffer.from(sealed.slice(3), 'base64');
    raw[raw.length - 1] = (raw[raw.length - 1] ?? 0) ^ 1;
    expect(() => box.decrypt('v1:' + raw.toString('base64'))).toThrow();
  });

  it('refuses a key of the wrong length with an actionable message', () => {
    expect(() => new SecretBox(Buffer.from('short').toString('base64'))).toThrow(/32 bytes/);
  });
});
