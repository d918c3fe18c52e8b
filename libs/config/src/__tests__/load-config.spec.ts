import { randomBytes } from 'node:crypto';
import { ConfigError, loadConfig } from '../load-config';

describe('loadConfig', () => {
  it('applies defaults to a minimal environment', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://u@127.0.0.1:5432/db',
      SYNCLINE_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    });
    expect(config.TEMPORAL_ADDRESS).toBe('127.0.0.1:7233');
    expect(config.TEMPORAL_TASK_QUEUE).toBe('syncs');
    expect(config.API_PORT).toBe(3000);
  });

  it('lists every problem at once', () => {
    try {
      loadConfig({ SYNCLINE_ENCRYPTION_KEY: 'c2hvcnQ=', API_PORT: 'abc' });
      throw new Error('expected a ConfigError');
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const problems = (err as ConfigError).problems.join('\n');
      expect(problems).toMatch(/DATABASE_URL/);
      expect(problems).toMatch(/SYNCLINE_ENCRYPTION_KEY: must be 32 bytes/);
      expect(problems).toMatch(/API_PORT/);
    }
  });
});
