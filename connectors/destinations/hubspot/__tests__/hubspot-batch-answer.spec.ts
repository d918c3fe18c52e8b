import { BatchRejectedError, ErrorCode } from '@syncline/errors';
import type { HttpAnswer } from '../../../kit/http/destination-http';
import { batchOutcomes } from '../hubspot-batch-answer';

const answer = (status: number, json?: unknown): HttpAnswer => ({
  status,
  headers: new Headers(),
  text: json === undefined ? '' : JSON.stringify(json),
  json,
});
const sent = [
  { key: '1', traceId: '0', id: 'Ada@Example.com' },
  { key: '2', traceId: '1', id: 'bob@example.com' },
];

describe('batchOutcomes', () => {
  it('accepts every input on 200, 201 and 204', () => {
    for (const status of [200, 201, 204])
      expect(batchOutcomes(answer(status, {}), sent, 's').map((o) => o.status)).toEqual([
        'accepted',
        'accepted',
      ]);
  });

  it('ties 207 errors to inputs by context ids even when HubSpot echoes them lower-cased', () => {
    const outcomes = batchOutcomes(
      answer(207, {
        errors: [
          {
            category: 'OBJECT_NOT_FOUND',
            message: 'Could not get some CONTACT objects',
            context: { ids: ['ada@example.com'] },
          },
        ],
      }),
      sent,
      's',
    );
    expect(outcomes).toEqual([
      { key: '1', status: 'rejected', reason: 'OBJECT_NOT_FOUND: Could not get some CONTACT objects' },
      { key: '2', status: 'accepted' },
    ]);
  });

  it('adds the detailed messages of an error to its reason', () => {
    const outcomes = batchOutcomes(
      answer(207, {
        errors: [
          {
            category: 'VALIDATION_ERROR',
            message: 'Property values were not valid',
            context: { objectWriteTraceId: ['1'] },
            errors: [{ message: 'Property "x" does not exist' }],
          },
        ],
      }),
      sent,
      's',
    );
    expect(outcomes[1]).toEqual({
      key: '2',
      status: 'rejected',
      reason: 'VALIDATION_ERROR: Property values were not valid: Property "x" does not exist',
    });
  });

  it('refuses the batch when a 207 error names no input, and on a 400', () => {
    const unnamed = () =>
      batchOutcomes(answer(207, { errors: [{ message: 'something went wrong' }] }), sent, 's');
    expect(unnamed).toThrow(BatchRejectedError);
    const whole = () =>
      batchOutcomes(answer(400, { category: 'VALIDATION_ERROR', message: 'bad batch' }), sent, 's');
    expect(whole).toThrow('HubSpot refused the batch (HTTP 400): VALIDATION_ERROR: bad batch');
  });

  it('throws a credentials error naming the scope on 403', () => {
    expect(() =>
      batchOutcomes(
        answer(403, { category: 'MISSING_SCOPES', message: 'nope' }),
        sent,
        'crm.objects.deals.write',
      ),
    ).toThrow(
      expect.objectContaining({
        code: ErrorCode.DestinationConnectionFailed,
        message: expect.stringContaining('crm.objects.deals.write'),
      }),
    );
  });
});
