/** HubSpot's error body format (`status`, `message`, `correlationId`, `category`, optional `errors`). */
import { randomUUID } from 'node:crypto';
import type { EmulatorAnswer } from '../kit/faults';

export function errorBody(category: string, message: string, extra: Record<string, unknown> = {}) {
  return { status: 'error', message, correlationId: randomUUID(), category, ...extra };
}

export const badRequest = (message: string, extra: Record<string, unknown> = {}): EmulatorAnswer => ({
  status: 400,
  body: errorBody('VALIDATION_ERROR', message, extra),
});

export const notFound = (message: string): EmulatorAnswer => ({
  status: 404,
  body: errorBody('OBJECT_NOT_FOUND', message),
});

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
