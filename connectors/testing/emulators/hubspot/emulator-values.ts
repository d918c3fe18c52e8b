/**
 * How HubSpot validates property values on write, per property type: what the emulator refuses and the
 * error code + message HubSpot answers with (e.g. INVALID_EMAIL, INVALID_INTEGER, INVALID_OPTION).
 */
import type { EmulatorProperty } from './emulator-schema';

export interface ValueProblem {
  code: string;
  message: string;
  propertyName: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MIDNIGHT_MS = 86_400_000;

export function valueProblem(
  property: EmulatorProperty,
  raw: unknown,
  objectType: string,
): ValueProblem | undefined {
  const name = property.name;
  const fail = (code: string, message: string): ValueProblem => ({ code, message, propertyName: name });
  if (raw === null) return undefined;
  if (typeof raw !== 'string' && typeof raw !== 'number' && typeof raw !== 'boolean')
    return fail('INVALID_PROPERTY_VALUE', `Property values must be strings, numbers or booleans (${name})`);
  const value = String(raw);
  if (value === '') return undefined;
  if (property.readOnly)
    return fail('READ_ONLY_VALUE', `${name} is a read only property; its value cannot be set.`);
  if (objectType === 'contacts' && name === 'email' && !EMAIL.test(value))
    return fail('INVALID_EMAIL', `Email address ${value} is invalid`);
  switch (property.type) {
    case 'number':
      return Number.isFinite(Number(value))
        ? undefined
        : fail('INVALID_INTEGER', `${value} was not a valid number.`);
    case 'bool':
      return value === 'true' || value === 'false'
        ? undefined
        : fail('INVALID_BOOLEAN', `${value} was not a valid boolean (true or false).`);
    case 'date': {
      const ms = /^\d+$/.test(value)
        ? Number(value)
        : DATE.test(value)
          ? Date.parse(`${value}T00:00:00Z`)
          : NaN;
      if (Number.isNaN(ms))
        return fail('INVALID_DATE', `${value} is not a valid date (YYYY-MM-DD or epoch ms).`);
      return ms % MIDNIGHT_MS === 0 ? undefined : fail('INVALID_DATE', `${value} is not midnight UTC.`);
    }
    case 'datetime': {
      const ms = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
      return Number.isNaN(ms)
        ? fail('INVALID_DATETIME', `${value} is not a valid ISO 8601 date-time.`)
        : undefined;
    }
    case 'enumeration': {
      const bad = value.split(';').find((option) => !(property.options ?? []).includes(option));
      return bad === undefined
        ? undefined
        : fail(
            'INVALID_OPTION',
            `${bad} was not one of the allowed options: [${(property.options ?? []).join(', ')}]`,
          );
    }
    default:
      return undefined;
  }
}
