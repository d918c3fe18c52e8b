/**
 * What the Braze emulator checks in a `/users/track` body, as Braze documents it: arrays of at most 75
 * objects, an identifier on every object, typed standard attributes, and name + time on events. Problems
 * with one object are reported Braze's way, `{type, input_array, index}`, and only that object is dropped.
 */
export const MAX_OBJECTS_PER_ARRAY = 75;
export const INPUT_ARRAYS = ['attributes', 'events', 'purchases'] as const;
export type InputArrayName = (typeof INPUT_ARRAYS)[number];

export interface ObjectError {
  type: string;
  input_array: InputArrayName;
  index: number;
}

export type BodyCheck =
  | { ok: true; arrays: Partial<Record<InputArrayName, Record<string, unknown>[]>> }
  | { ok: false; message: string };

const IDENTIFIERS = ['external_id', 'user_alias', 'braze_id', 'email', 'phone'];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const GENDERS = ['M', 'F', 'O', 'N', 'P'];
const SUBSCRIBE_STATES = ['opted_in', 'subscribed', 'unsubscribed'];

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export function checkTrackBody(raw: string): BodyCheck {
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return { ok: false, message: 'Invalid JSON in request body' };
  }
  if (!isObject(body)) return { ok: false, message: 'Request body must be a JSON object' };
  const arrays: Partial<Record<InputArrayName, Record<string, unknown>[]>> = {};
  for (const name of INPUT_ARRAYS) {
    const value = body[name];
    if (value === undefined) continue;
    if (!Array.isArray(value)) return { ok: false, message: `'${name}' must be an array` };
    if (value.length > MAX_OBJECTS_PER_ARRAY) return { ok: false, message: 'Max Input Length Exceeded' };
    arrays[name] = value as Record<string, unknown>[];
  }
  return { ok: true, arrays };
}

function identifierProblem(object: Record<string, unknown>): string | undefined {
  const present = IDENTIFIERS.filter((id) => object[id] !== undefined && object[id] !== null);
  if (present.length === 0) return "'external_id', 'user_alias', 'braze_id', 'email' or 'phone' is required";
  if (object.external_id !== undefined && typeof object.external_id !== 'string')
    return "'external_id' must be a string";
  return undefined;
}

function attributeProblem(object: Record<string, unknown>): string | undefined {
  const { email, dob, gender } = object;
  if (email !== undefined && email !== null && (typeof email !== 'string' || !EMAIL.test(email)))
    return `'email' is not a valid email address`;
  if (
    dob !== undefined &&
    dob !== null &&
    (typeof dob !== 'string' || !DATE.test(dob) || Number.isNaN(Date.parse(dob)))
  )
    return `'dob' must be a date in YYYY-MM-DD format`;
  if (gender !== undefined && gender !== null && !GENDERS.includes(String(gender)))
    return `'gender' must be one of ${GENDERS.join(', ')} or null`;
  for (const name of ['email_subscribe', 'push_subscribe']) {
    const value = object[name];
    if (value !== undefined && value !== null && !SUBSCRIBE_STATES.includes(String(value)))
      return `'${name}' must be one of ${SUBSCRIBE_STATES.join(', ')}`;
  }
  return undefined;
}

function eventProblem(object: Record<string, unknown>): string | undefined {
  if (typeof object.name !== 'string' || object.name === '') return "'name' is required";
  if (object.time === undefined || object.time === null) return "'time' is required";
  if (
    typeof object.time !== 'string' ||
    !ISO_DATETIME.test(object.time) ||
    Number.isNaN(Date.parse(object.time))
  )
    return "'time' must be an ISO 8601 datetime";
  if (object.properties !== undefined && !isObject(object.properties))
    return "'properties' must be an object";
  return undefined;
}

/** Why Braze would drop this object, or undefined. */
export function objectProblem(inputArray: InputArrayName, object: unknown): string | undefined {
  if (!isObject(object)) return 'object must be a JSON object';
  const problem = identifierProblem(object);
  if (problem) return problem;
  if (inputArray === 'attributes') return attributeProblem(object);
  if (inputArray === 'events') return eventProblem(object) ?? attributeProblem({ email: object.email });
  if (typeof object.product_id !== 'string') return "'product_id' is required";
  return undefined;
}
