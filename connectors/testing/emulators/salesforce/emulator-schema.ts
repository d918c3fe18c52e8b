/**
 * The emulator's org: three sObjects as Salesforce describes them (a standard Contact with a custom external
 * id, Account, a custom Subscription__c), in the `GET /sobjects/{name}/describe` shape.
 */
export interface EmulatedField {
  name: string;
  label: string;
  type: string;
  length: number;
  nillable: boolean;
  createable: boolean;
  updateable: boolean;
  defaultedOnCreate: boolean;
  externalId: boolean;
  idLookup: boolean;
  unique: boolean;
  relationshipName: string | null;
  referenceTo: string[];
  restrictedPicklist: boolean;
  picklistValues: { value: string; active: boolean }[];
}

export interface EmulatedObject {
  name: string;
  label: string;
  keyPrefix: string;
  custom: boolean;
  createable: boolean;
  updateable: boolean;
  deletable: boolean;
  fields: EmulatedField[];
}

type FieldSpec = Partial<EmulatedField> & Pick<EmulatedField, 'name' | 'type'>;

function field(spec: FieldSpec): EmulatedField {
  return {
    label: spec.name.replace(/__c$/, '').replace(/_/g, ' '),
    length: ['string', 'email', 'phone', 'url', 'picklist', 'textarea'].includes(spec.type) ? 255 : 0,
    nillable: true,
    createable: true,
    updateable: true,
    defaultedOnCreate: false,
    externalId: false,
    idLookup: false,
    unique: false,
    relationshipName: null,
    referenceTo: [],
    restrictedPicklist: false,
    picklistValues: [],
    ...spec,
  };
}

const system = (): EmulatedField[] => [
  field({
    name: 'Id',
    type: 'id',
    length: 18,
    nillable: false,
    createable: false,
    updateable: false,
    defaultedOnCreate: true,
    idLookup: true,
  }),
  field({
    name: 'CreatedDate',
    type: 'datetime',
    nillable: false,
    createable: false,
    updateable: false,
    defaultedOnCreate: true,
  }),
];

const picklist = (...values: string[]) => values.map((value) => ({ value, active: true }));

export const EMULATED_OBJECTS: EmulatedObject[] = [
  {
    name: 'Account',
    label: 'Account',
    keyPrefix: '001',
    custom: false,
    createable: true,
    updateable: true,
    deletable: true,
    fields: [
      ...system(),
      field({ name: 'Name', label: 'Account Name', type: 'string', nillable: false, idLookup: true }),
      field({
        name: 'External_Id__c',
        type: 'string',
        length: 64,
        externalId: true,
        idLookup: true,
        unique: true,
      }),
      field({
        name: 'Industry',
        type: 'picklist',
        picklistValues: picklist('Banking', 'Retail', 'Technology'),
      }),
      field({ name: 'NumberOfEmployees', label: 'Employees', type: 'int' }),
      field({ name: 'AnnualRevenue', label: 'Annual Revenue', type: 'currency' }),
      field({ name: 'Website', type: 'url' }),
    ],
  },
  {
    name: 'Contact',
    label: 'Contact',
    keyPrefix: '003',
    custom: false,
    createable: true,
    updateable: true,
    deletable: true,
    fields: [
      ...system(),
      field({ name: 'LastName', label: 'Last Name', type: 'string', length: 80, nillable: false }),
      field({ name: 'FirstName', label: 'First Name', type: 'string', length: 40 }),
      field({
        name: 'Name',
        label: 'Full Name',
        type: 'string',
        length: 121,
        createable: false,
        updateable: false,
      }),
      field({ name: 'Email', type: 'email', length: 80, idLookup: true }),
      field({ name: 'Phone', label: 'Business Phone', type: 'phone', length: 40 }),
      field({ name: 'Birthdate', type: 'date' }),
      field({
        name: 'HasOptedOutOfEmail',
        label: 'Email Opt Out',
        type: 'boolean',
        nillable: false,
        defaultedOnCreate: true,
      }),
      field({
        name: 'External_Id__c',
        type: 'string',
        length: 64,
        externalId: true,
        idLookup: true,
        unique: true,
      }),
      field({ name: 'Lifetime_Value__c', type: 'currency' }),
      field({
        name: 'Plan__c',
        type: 'picklist',
        restrictedPicklist: true,
        picklistValues: picklist('free', 'pro', 'enterprise'),
      }),
      field({
        name: 'AccountId',
        label: 'Account ID',
        type: 'reference',
        length: 18,
        relationshipName: 'Account',
        referenceTo: ['Account'],
      }),
    ],
  },
  {
    name: 'Subscription__c',
    label: 'Subscription',
    keyPrefix: 'a01',
    custom: true,
    createable: true,
    updateable: true,
    deletable: true,
    fields: [
      ...system(),
      field({ name: 'Name', label: 'Subscription Name', type: 'string', length: 80, nillable: false }),
      field({
        name: 'Subscription_Key__c',
        type: 'string',
        length: 64,
        externalId: true,
        idLookup: true,
        unique: true,
      }),
      field({ name: 'Seats__c', type: 'double' }),
      field({ name: 'Active__c', type: 'boolean', nillable: false, defaultedOnCreate: true }),
      field({ name: 'Renews_On__c', type: 'date' }),
      field({
        name: 'Contact__c',
        type: 'reference',
        length: 18,
        relationshipName: 'Contact__r',
        referenceTo: ['Contact'],
      }),
    ],
  },
];

/** The `GET /sobjects` entry for an object. */
export const summaryOf = (o: EmulatedObject) => ({
  name: o.name,
  label: o.label,
  keyPrefix: o.keyPrefix,
  custom: o.custom,
  createable: o.createable,
  updateable: o.updateable,
  deletable: o.deletable,
  queryable: true,
});
