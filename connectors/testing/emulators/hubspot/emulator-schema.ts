/**
 * The object types and properties the HubSpot emulator starts with: a small slice of HubSpot's default
 * contacts, companies and deals properties with their documented types, including read-only ones.
 */
export type PropertyType =
  'string' | 'number' | 'date' | 'datetime' | 'bool' | 'enumeration' | 'phone_number';

export interface EmulatorProperty {
  name: string;
  type: PropertyType;
  hasUniqueValue?: boolean;
  readOnly?: boolean;
  /** For enumerations: the allowed option values. */
  options?: string[];
}

export interface EmulatorObjectType {
  name: string;
  objectTypeId: string;
  /** Custom objects: `p<portal>_<name>`; standard objects answer to their name. */
  fullyQualifiedName?: string;
  requiredProperties: string[];
  /** Properties matched like a unique one even though HubSpot reports hasUniqueValue false (contact email). */
  identityProperties: string[];
  properties: EmulatorProperty[];
}

const common: EmulatorProperty[] = [
  { name: 'hs_object_id', type: 'number', readOnly: true },
  { name: 'createdate', type: 'datetime', readOnly: true },
  { name: 'hs_lastmodifieddate', type: 'datetime', readOnly: true },
];

export function defaultObjectTypes(): EmulatorObjectType[] {
  return [
    {
      name: 'contacts',
      objectTypeId: '0-1',
      requiredProperties: [],
      identityProperties: ['email'],
      properties: [
        ...common,
        { name: 'email', type: 'string' },
        { name: 'firstname', type: 'string' },
        { name: 'lastname', type: 'string' },
        { name: 'phone', type: 'phone_number' },
        { name: 'lifecyclestage', type: 'enumeration', options: ['subscriber', 'lead', 'customer'] },
        { name: 'date_of_birth', type: 'date' },
        { name: 'hs_email_optout', type: 'bool' },
        { name: 'num_employees', type: 'number' },
      ],
    },
    {
      name: 'companies',
      objectTypeId: '0-2',
      requiredProperties: [],
      identityProperties: [],
      properties: [
        ...common,
        { name: 'name', type: 'string' },
        { name: 'domain', type: 'string' },
        { name: 'annualrevenue', type: 'number' },
      ],
    },
    {
      name: 'deals',
      objectTypeId: '0-3',
      requiredProperties: ['dealname', 'dealstage'],
      identityProperties: [],
      properties: [
        ...common,
        { name: 'dealname', type: 'string' },
        {
          name: 'dealstage',
          type: 'enumeration',
          options: ['appointmentscheduled', 'closedwon', 'closedlost'],
        },
        { name: 'pipeline', type: 'enumeration', options: ['default'] },
        { name: 'amount', type: 'number' },
        { name: 'closedate', type: 'datetime' },
      ],
    },
  ];
}

/** How the properties API shows a property (`GET /crm/v3/properties/{objectType}`). */
export function propertyJson(p: EmulatorProperty): Record<string, unknown> {
  return {
    name: p.name,
    label: p.name,
    type: p.type,
    fieldType: p.type === 'enumeration' ? 'select' : p.type === 'bool' ? 'booleancheckbox' : 'text',
    hasUniqueValue: p.hasUniqueValue === true,
    calculated: false,
    hidden: false,
    options: (p.options ?? []).map((value) => ({ label: value, value, hidden: false })),
    modificationMetadata: {
      archivable: true,
      readOnlyDefinition: p.readOnly === true,
      readOnlyValue: p.readOnly === true,
    },
  };
}
