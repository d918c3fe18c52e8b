/** Reads an HTTP Retry-After header (delay-seconds or HTTP-date) into milliseconds for the shared rate limiter. */
export const DEFAULT_RETRY_AFTER_MS = 1000;

export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number {
  const trimmed = value?.trim();
  if (!trimmed) return DEFAULT_RETRY_AFTER_MS;
  // RFC 9110 says whole seconds; fractional ones are tolerated because some servers send them.
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.ceil(Number(trimmed) * 1000);
  // An HTTP-date always names its day and month; this keeps Date.parse from reading "-5" as a year.
  const at = /[a-z]/i.test(trimmed) ? Date.parse(trimmed) : Number.NaN;
  if (Number.isNaN(at)) return DEFAULT_RETRY_AFTER_MS;
  return Math.max(0, at - now);
}
