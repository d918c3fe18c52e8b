/**
 * fetch wraps socket errors ("fetch failed"); the cause carries the useful code (ECONNREFUSED …).
 * Read by property, not instanceof: undici's errors may come from another realm (e.g. under jest).
 */
export function describeFetchError(err: unknown): string {
  const prop = (value: unknown, name: string): unknown =>
    typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;
  const cause = prop(err, 'cause');
  const code = prop(cause, 'code');
  const message = prop(cause, 'message') ?? prop(err, 'message') ?? String(err);
  return typeof code === 'string' ? `${code} (${String(message)})` : String(message);
}
