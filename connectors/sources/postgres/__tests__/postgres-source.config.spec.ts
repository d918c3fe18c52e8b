import { ErrorCode } from '@syncline/errors';
import { parseConnectorConfig } from '../../../kit/parse-config';
import { postgresSource } from '../postgres-source';
import type { PostgresSourceConfig } from '../postgres-source.config';

describe('postgres source config', () => {
  it('applies defaults for port and ssl', () => {
    const config = parseConnectorConfig<PostgresSourceConfig>(postgresSource, {
      host: 'db',
      database: 'wh',
      user: 'u',
    });
    expect(config).toEqual({ host: 'db', port: 5432, database: 'wh', user: 'u', ssl: false });
  });

  it('lists every problem at once and never echoes the password', () => {
    let message = '';
    try {
      parseConnectorConfig(postgresSource, { host: '', port: 'x', password: 'pa55word-value' });
    } catch (err) {
      expect(err).toMatchObject({ code: ErrorCode.InvalidConfig });
      message = (err as Error).message;
    }
    expect(message).toMatch(/host: .*port: .*database: .*user: /);
    expect(message).not.toContain('pa55word-value');
  });

  it('marks the password as secret', () => {
    expect(postgresSource.secretFields).toEqual(['password']);
  });
});
