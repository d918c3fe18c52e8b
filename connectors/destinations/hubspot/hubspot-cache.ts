/**
 * Per-process memo of what a write needs to know about an object or list (properties, list type), so a
 * write costs one HubSpot request instead of two. Keyed by token hash + base URL: never shared between
 * accounts. Entries expire so a property added in HubSpot is seen within minutes; failures are not kept.
 */
const TTL_MS = 5 * 60_000;
const MAX_ENTRIES = 500;

const entries = new Map<string, { expires: number; value: Promise<unknown> }>();

export function memoized<T>(key: string, load: () => Promise<T>, now = Date.now()): Promise<T> {
  const hit = entries.get(key);
  if (hit && hit.expires > now) return hit.value as Promise<T>;
  if (entries.size >= MAX_ENTRIES) entries.clear();
  const value = load();
  entries.set(key, { expires: now + TTL_MS, value });
  value.catch(() => {
    if (entries.get(key)?.value === value) entries.delete(key);
  });
  return value;
}
