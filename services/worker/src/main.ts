/** Worker process entry point: validates config, then runs the Temporal Worker until SIGTERM/SIGINT. */
import 'reflect-metadata';
import { ConsoleLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigError, enabledLogLevels, loadConfig } from '@syncline/config';
import { installTemporalRuntime } from './temporal/install-temporal-runtime';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  installTemporalRuntime(config);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    logger: new ConsoleLogger('Worker', {
      json: process.env.LOG_FORMAT === 'json',
      logLevels: enabledLogLevels(config.LOG_LEVEL),
    }),
  });
  // useProcessExit: exit 0 once the worker has drained, instead of re-raising the signal (exit 143).
  app.enableShutdownHooks(['SIGTERM', 'SIGINT'], { useProcessExit: true });
}

void bootstrap();
