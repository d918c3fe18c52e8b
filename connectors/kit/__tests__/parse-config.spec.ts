import { ErrorCode, type SynclineError } from '@syncline/errors';
import { z } from 'zod';
import { parseConnectorConfig } from '../parse-config';

const connector = {
  type: 'example',
  spec: z.object({
    host: z.string().min(1),
    token: z
      .string()
      .refine((v) => v.startsWith('tok_'), { error: (i) => `not a token: ${String(i.input)}` }),
  }),
  secretFields: ['token'],
};

describe('parseConnectorConfig', () => {
  it('lists every problem as INVALID_CONFIG, with the values of secret fields scrubbed', () => {
    let err: SynclineError | undefined;
    try {
      parseConnectorConfig(connector, { host: '', token: 'hunter2-secret' });
    } catch (e) {
      err = e as SynclineError;
    }
    expect(err?.code).toBe(ErrorCode.InvalidConfig);
    expect(err?.details?.issues).toEqual([expect.stringMatching(/^host: /), 'token: not a token: [secret]']);
    expect(JSON.stringify([err?.message, err?.details])).not.toContain('hunter2-secret');
  });

  it('returns the parsed config when it is valid', () => {
    expect(parseConnectorConfig(connector, { host: 'db', token: 'tok_1' })).toEqual({
      host: 'db',
      token: 'tok_1',
    });
  });
});
