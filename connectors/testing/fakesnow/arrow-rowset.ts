/**
 * Test adapter: fakesnow answers SELECTs with an Arrow IPC `rowsetBase64`, while the Node snowflake-sdk reads
 * only Snowflake's JSON `rowset` (every value a string, in Snowflake's JSON wire encoding). This turns one into
 * the other, column by column, following the `rowtype` fakesnow sends alongside.
 */
import { DataType, tableFromIPC } from 'apache-arrow';

export interface RowtypeColumn {
  name: string;
  type: string;
  scale?: number | null;
}

export function arrowToJsonRowset(base64: string, rowtype: readonly RowtypeColumn[]): (string | null)[][] {
  if (!base64) return [];
  const table = tableFromIPC(Buffer.from(base64, 'base64'));
  const columns = rowtype.map((_, i) => table.getChildAt(i));
  const rows: (string | null)[][] = [];
  for (let r = 0; r < table.numRows; r += 1) {
    rows.push(
      rowtype.map((col, i) => {
        const vector = columns[i];
        const value: unknown = vector?.get(r);
        // Arrow's JS reader hands date columns back as epoch milliseconds; Snowflake's JSON wants days.
        if (vector && DataType.isDate(vector.type) && typeof value === 'number') {
          return value === null ? null : String(Math.floor(value / 86_400_000));
        }
        return encode(value, col);
      }),
    );
  }
  return rows;
}

/** Snowflake's JSON encoding: fixed → decimal text, dates → days, timestamps → "seconds.fraction". */
function encode(value: unknown, column: RowtypeColumn): string | null {
  if (value === null || value === undefined) return null;
  const type = column.type.toLowerCase();
  const scale = column.scale ?? 0;
  if (type === 'boolean') return value ? '1' : '0';
  if (type === 'fixed') return scaled(toBigInt(value), scale);
  if (type === 'date')
    return String(value instanceof Date ? Math.floor(value.getTime() / 86_400_000) : value);
  if (type.startsWith('timestamp')) return timestamp(value, scale);
  if (typeof value === 'object' && !(value instanceof Uint8Array)) return JSON.stringify(value);
  return String(value);
}

function toBigInt(value: unknown): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') return BigInt(Math.trunc(value));
  return BigInt(String(value));
}

/** An integer holding `scale` decimal places, as decimal text ("150", scale 2 → "1.50"). */
function scaled(raw: bigint, scale: number): string {
  if (scale <= 0) return raw.toString();
  const negative = raw < 0n;
  const digits = (negative ? -raw : raw).toString().padStart(scale + 1, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

/** Snowflake sends timestamps in Arrow either as one scaled integer or as a struct {epoch, fraction}. */
function timestamp(value: unknown, scale: number): string {
  if (typeof value === 'object' && value !== null && 'epoch' in value) {
    const { epoch, fraction } = value as { epoch: unknown; fraction: unknown };
    const nanos = toBigInt(fraction ?? 0)
      .toString()
      .padStart(9, '0')
      .slice(0, Math.max(scale, 0));
    return scale > 0 ? `${toBigInt(epoch).toString()}.${nanos}` : toBigInt(epoch).toString();
  }
  if (value instanceof Date) return scaled(BigInt(value.getTime()), 3);
  return scaled(toBigInt(value), scale);
}
