/**
 * Destination field paths: `to` is a field name or a dotted path into a nested object (`address.city`).
 * Paths are checked together, because `a` and `a.b` cannot both be written.
 */
import type { FieldMapping } from '@syncline/domain';

// Writing these as keys would reach the object's prototype instead of a field.
const RESERVED = new Set(['__proto__', 'prototype', 'constructor']);

export function pathSegments(to: string): string[] {
  return to.split('.');
}

export function rootField(to: string): string {
  return pathSegments(to)[0] ?? to;
}

/** Problems with the mapping's `to` paths: malformed, written twice, or one inside another's value. */
export function targetPathProblems(mapping: readonly FieldMapping[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const { to } of mapping) {
    const segments = pathSegments(to);
    if (segments.some((s) => s.trim() === '')) {
      problems.push(`destination field "${to}" has an empty part: write nested fields as "parent.child"`);
    } else if (segments.some((s) => RESERVED.has(s))) {
      problems.push(`destination field "${to}" uses a reserved name`);
    }
    if (seen.has(to)) problems.push(`destination field "${to}" is mapped more than once`);
    seen.add(to);
  }
  for (const to of seen) {
    const segments = pathSegments(to);
    for (let i = 1; i < segments.length; i += 1) {
      const parent = segments.slice(0, i).join('.');
      if (seen.has(parent)) {
        problems.push(`destination field "${parent}" is mapped and also has the nested field "${to}"`);
      }
    }
  }
  return problems;
}

/** Sets `value` at `to`, creating nested objects; own properties only, whatever the segment is called. */
export function setAtPath(target: Record<string, unknown>, to: string, value: unknown): void {
  const segments = pathSegments(to);
  let node = target;
  for (let i = 0; i < segments.length - 1; i += 1) {
    const key = segments[i]!;
    const next = Object.prototype.hasOwnProperty.call(node, key) ? node[key] : undefined;
    if (typeof next === 'object' && next !== null && !Array.isArray(next)) {
      node = next as Record<string, unknown>;
    } else {
      const child: Record<string, unknown> = {};
      defineField(node, key, child);
      node = child;
    }
  }
  defineField(node, segments[segments.length - 1]!, value);
}

function defineField(node: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(node, key, { value, enumerable: true, writable: true, configurable: true });
}
