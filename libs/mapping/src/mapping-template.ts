/**
 * Liquid templates in field mappings (`{ template: '{{ row.first_name | capitalize }}', to: 'name' }`) and in
 * destination configs (Slack's removed-row text): one engine for parsing at save time and rendering per row,
 * so what validates is exactly what runs.
 */
import { ErrorCode, SynclineError } from '@syncline/errors';
import { Liquid, Tag, type TagToken, type Template, type TopLevelToken } from 'liquidjs';
import type { Row } from '@syncline/domain';

const MAX_TEMPLATE_LENGTH = 10_000;
const MAX_CACHED_TEMPLATES = 1_000;

/** Templates get the row only: no files to include, so a mapping cannot read the worker's disk. */
class UnavailableTag extends Tag {
  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
    super(token, remainTokens, liquid);
    throw new Error(`the "${token.name}" tag is not available in mapping templates`);
  }

  *render(): Generator<unknown, void, unknown> {}
}

const engine = new Liquid({
  // An unknown filter is a typo that would otherwise render its input unchanged on every row.
  strictFilters: true,
  // Rows come from user SQL: hide prototype members (`row.constructor`) from templates.
  ownPropertyOnly: true,
  templates: {},
  parseLimit: MAX_TEMPLATE_LENGTH,
  // Per row; a template is a one-liner, so anything slower is a runaway loop.
  renderLimit: 1_000,
  memoryLimit: 10_000_000,
});
for (const name of ['include', 'render', 'layout']) engine.registerTag(name, UnavailableTag);

const cache = new Map<string, Template[]>();

function compile(template: string): Template[] {
  let parsed = cache.get(template);
  if (!parsed) {
    parsed = engine.parse(template);
    // Worker processes live long and run many syncs; a simple bound keeps the cache from growing forever.
    if (cache.size >= MAX_CACHED_TEMPLATES) cache.clear();
    cache.set(template, parsed);
  }
  return parsed;
}

/** Why a template cannot be used (Liquid's parse error, an unknown filter, a disabled tag), or undefined. */
export function templateProblem(template: string): string | undefined {
  if (template.length > MAX_TEMPLATE_LENGTH) {
    return `template is longer than ${MAX_TEMPLATE_LENGTH} characters`;
  }
  try {
    compile(template);
    return undefined;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

/**
 * Dates are exposed as ISO-8601 strings and bigints as strings: rows of the managed engine carry driver
 * values, rows of the in-warehouse engine come back as JSON, and a template must render both the same way.
 */
export function templateScope(row: Row): { row: Row } {
  const plain: Row = {};
  for (const [key, value] of Object.entries(row)) {
    plain[key] =
      value instanceof Date ? value.toISOString() : typeof value === 'bigint' ? value.toString() : value;
  }
  return { row: plain };
}

/**
 * Renders a template over its variables (`{ row }` for mappings); a template that cannot render fails with
 * INVALID_MAPPING naming the field it fills.
 */
export function renderTemplate(template: string, scope: Record<string, unknown>, field: string): string {
  try {
    return String(engine.renderSync(compile(template), scope));
  } catch (err) {
    throw new SynclineError(
      ErrorCode.InvalidMapping,
      `field "${field}": the template cannot be rendered: ${err instanceof Error ? err.message : String(err)}`,
      { cause: err },
    );
  }
}
