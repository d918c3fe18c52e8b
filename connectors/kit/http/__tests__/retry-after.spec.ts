import { DEFAULT_RETRY_AFTER_MS, parseRetryAfter } from '../retry-after';

describe('parseRetryAfter', () => {
  const now = Date.parse('2025-01-01T00:00:00Z');

  it('reads delay-seconds', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('1.5', now)).toBe(1500);
  });

  it('reads an HTTP date relative to now, never negative', () => {
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Tue, 31 Dec 2024 23:59:00 GMT', now)).toBe(0);
  });

  it('falls back to 1 s when absent or unreadable', () => {
    expect(DEFAULT_RETRY_AFTER_MS).toBe(1000);
    expect(parseRetryAfter(null, now)).toBe(1000);
    expect(parseRetryAfter('', now)).toBe(1000);
    expect(parseRetryAfter('soon', now)).toBe(1000);
    expect(parseRetryAfter('-5', now)).toBe(1000);
  });
});
