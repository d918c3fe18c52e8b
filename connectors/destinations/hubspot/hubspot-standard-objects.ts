/**
 * HubSpot's standard CRM objects this destination writes, with what the docs say about them:
 * contacts are de-duplicated by `email` (batch upsert accepts it as `idProperty`); a company's `domain`
 * is NOT unique, so companies and deals are matched by a custom unique property; a deal needs `dealname`
 * and `dealstage` on create (the default pipeline is used when `pipeline` is absent).
 */
export interface StandardObject {
  name: string;
  objectTypeId: string;
  uniqueProperties: string[];
  requiredProperties: string[];
}

export const STANDARD_OBJECTS: readonly StandardObject[] = [
  { name: 'contacts', objectTypeId: '0-1', uniqueProperties: ['email'], requiredProperties: [] },
  { name: 'companies', objectTypeId: '0-2', uniqueProperties: [], requiredProperties: [] },
  { name: 'deals', objectTypeId: '0-3', uniqueProperties: [], requiredProperties: ['dealname', 'dealstage'] },
];

export function standardObject(objectType: string): StandardObject | undefined {
  return STANDARD_OBJECTS.find((o) => o.name === objectType || o.objectTypeId === objectType);
}
