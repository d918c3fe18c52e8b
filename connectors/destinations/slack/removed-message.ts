/**
 * The text of a removed row's message: a Liquid template over `key` and `op`, parsed once when the config
 * is validated and rendered per removed row. The engine reads nothing but the variables it is given.
 */
import { Liquid, type Template } from 'liquidjs';

const MAX_TEMPLATE_LENGTH = 2_000;

const engine = new Liquid({
  strictFilters: true,
  ownPropertyOnly: true,
  // No file system: include/render/layout find nothing to read.
  templates: {},
  parseLimit: MAX_TEMPLATE_LENGTH,
  renderLimit: 1_000,
  memoryLimit: 1_000_000,
});

const parsed = new Map<string, Template[]>();

function compile(template: string): Template[] {
  let templates = parsed.get(template);
  if (!templates) {
    templates = engine.parse(template);
    // One template per destination config; a bound keeps a long-lived worker from collecting them forever.
    if (parsed.size >= 100) parsed.clear();
    parsed.set(template, templates);
  }
  return templates;
}

export function removedTemplateProblem(template: string): string | undefined {
  if (template.length > MAX_TEMPLATE_LENGTH) return `longer than ${MAX_TEMPLATE_LENGTH} characters`;
  try {
    compile(template);
    return undefined;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

export function renderRemovedText(template: string, key: string): string {
  return String(engine.renderSync(compile(template), { key, op: 'removed' }));
}
