import { ErrorCode } from '@syncline/errors';
import { parseConnectorConfig } from '../../../kit/parse-config';
import { webhookDestination } from '../webhook-destination';
import type { WebhookDestinationConfig } from '../webhook-destination.config';

const secret = 'whsec_0123456789abcdef';

describe('webhook config', () => {
  it('applies defaults', () => {
    expect(
      parseConnectorConfig<WebhookDestinationConfig>(webhookDestination, {
        url: 'https://h.example/x',
        secret,
      }),
    ).toEqual({
      url: 'https://h.example/x',
      secret,
      batchSize: 100,
      timeoutMs: 30_000,
    });
  });

  it.each([
    ['a non-http URL', { url: 'ftp://h.example/x', secret }, 'url'],
    ['a short secret', { url: 'https://h.example', secret: 'short' }, 'secret'],
    ['a batch size over 1000', { url: 'https://h.example', secret, batchSize: 1001 }, 'batchSize'],
    [
      'a header with a newline',
      { url: 'https://h.example', secret, headers: { 'X-A': 'a\r\nX-B: b' } },
      'headers',
    ],
    [
      'a header Syncline sets',
      { url: 'https://h.example', secret, headers: { 'idempotency-key': 'k' } },
      'headers',
    ],
  ])('refuses %s', (_, raw, field) => {
    expect(() => parseConnectorConfig(webhookDestination, raw)).toThrow(
      expect.objectContaining({
        code: ErrorCode.InvalidConfig,
        message: expect.stringContaining(`${field}`),
      }),
    );
  });

  it('marks the secret and the headers as secret', () => {
    expect(webhookDestination.secretFields).toEqual(['secret', 'headers']);
  });
});
