/**
 * What a `/users/track` answer means for the objects of one request. 2xx: processed, except the objects
 * named in `errors` ({type, input_array, index}); 4xx: nothing was processed (Braze's "fatal" errors),
 * possibly with per-index reasons; 401/403/404: the REST API key is unknown or lacks users.track.
 */
import { credentialsRejected, type HttpAnswer } from '../../kit/http/destination-http';

export type InputArray = 'attributes' | 'events';

export type TrackVerdict =
  /** Every object was processed except those in `rejected` (index → Braze's error type). */
  | { processed: true; rejected: Map<number, string>; unplaced: string[] }
  /** Nothing was processed; `rejected` names the objects Braze blamed, if it did. */
  | { processed: false; rejected: Map<number, string>; reason: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

function readErrors(
  json: unknown,
  inputArray: InputArray,
): { rejected: Map<number, string>; unplaced: string[] } {
  const rejected = new Map<number, string>();
  const unplaced: string[] = [];
  const errors = isObject(json) && Array.isArray(json.errors) ? (json.errors as unknown[]) : [];
  for (const error of errors) {
    if (isObject(error) && typeof error.index === 'number' && error.input_array === inputArray) {
      const type = typeof error.type === 'string' ? error.type : JSON.stringify(error);
      rejected.set(error.index, rejected.has(error.index) ? `${rejected.get(error.index)}; ${type}` : type);
    } else if (!(isObject(error) && typeof error.input_array === 'string')) {
      unplaced.push(typeof error === 'string' ? error : JSON.stringify(error));
    }
  }
  return { rejected, unplaced };
}

export function trackVerdict(answer: HttpAnswer, inputArray: InputArray): TrackVerdict {
  if (answer.status === 401 || answer.status === 403 || answer.status === 404)
    throw credentialsRejected(
      'Braze',
      answer,
      'check the REST API key, that it has the users.track permission, and that restEndpoint is your instance',
    );
  const { rejected, unplaced } = readErrors(answer.json, inputArray);
  if (answer.status >= 200 && answer.status < 300) return { processed: true, rejected, unplaced };
  const message = isObject(answer.json) && typeof answer.json.message === 'string' ? answer.json.message : '';
  const reason = `Braze refused the request (HTTP ${answer.status}): ${message || answer.text.slice(0, 200)}`;
  return {
    processed: false,
    rejected,
    reason: unplaced.length ? `${reason}; ${unplaced.join('; ')}` : reason,
  };
}
