/** What other packages (tests, a future CLI) may use from the API service. */
export { AppModule } from './app.module';
export { createLogger } from './logging/create-logger.util';
