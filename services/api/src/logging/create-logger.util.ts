/** JSON logs at the configured threshold; LOG_LEVEL names the most verbose level still printed. */
import { ConsoleLogger, type LogLevel } from '@nestjs/common';
import type { SynclineConfig } from '@syncline/config';

const ORDER: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

export function createLogger(level: SynclineConfig['LOG_LEVEL']): ConsoleLogger {
  return new ConsoleLogger('syncline-api', {
    json: true,
    logLevels: ORDER.slice(0, ORDER.indexOf(level) + 1),
  });
}
