/** Makes a driver value JSON-safe for the preview (bigint and bytes have no JSON form of their own). */
export function toJsonValue(value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (Buffer.isBuffer(value)) return value.toString('base64');
  return value;
}
