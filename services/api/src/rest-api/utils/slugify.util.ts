/**
 * Syncline records have no stored slug; the REST API derives Hightouch's `slug` from the name
 * ("Customers → CRM" → "customers-crm"), so `syncSlug` triggers and `?slug=` filters work.
 */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
