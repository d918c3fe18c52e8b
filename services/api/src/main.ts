/**
 * Entry point of the control plane: parse the environment once (listing every problem and exiting
 * when it is invalid), then serve GraphQL on API_PORT with JSON logs.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ConfigError, loadConfig, type SynclineConfig } from '@syncline/config';
import { AppModule } from './app.module';
import { createLogger } from './logging/create-logger.util';
import { allowLargeJsonBodies } from './common/utils/allow-large-json-bodies.util';
import { setupOpenApi } from './rest-api/setup-open-api.util';

function configOrExit(): SynclineConfig {
  try {
    return loadConfig();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    // ConfigError's message lists the problems without the values, so no secret is printed.
    createLogger('error').fatal(err.message, 'Config');
    process.exit(1);
  }
}

async function bootstrap(): Promise<void> {
  const config = configOrExit();
  const logger = createLogger(config.LOG_LEVEL);
  const app = await NestFactory.create(AppModule.forRoot(config), {
    logger,
    // The dbt Cloud webhook verifies its HMAC signature over the raw request body.
    rawBody: true,
  });
  allowLargeJsonBodies(app);
  setupOpenApi(app);
  app.enableShutdownHooks();
  await app.listen(config.API_PORT);
  logger.log(`Syncline API listening on :${config.API_PORT} (GraphQL at /graphql)`, 'Bootstrap');
}

bootstrap().catch((err: unknown) => {
  createLogger('error').fatal(err instanceof Error ? (err.stack ?? err.message) : String(err), 'Bootstrap');
  process.exit(1);
});
