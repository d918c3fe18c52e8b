/**
 * The REST boundary for errors (/api/v1 and /webhooks): SynclineError → its HTTP status and
 * `{ "message", "code", "details"? }`; Nest's own HTTP errors (unknown route, unparsable body) keep their
 * status; anything else → 500 with a fixed message, so driver errors never reach the client. Request
 * bodies are never logged (they may carry secrets or row data).
 */
import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { ErrorCode, errorAudience, httpStatusOf, isSynclineError } from '@syncline/errors';
import type { Response } from 'express';
import { INTERNAL_ERROR_MESSAGE } from '../errors/to-graphql-error.util';

@Catch()
export class RestExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('RestExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    if (isSynclineError(exception) && errorAudience(exception.code) !== 'internal') {
      if (errorAudience(exception.code) === 'retry-later')
        this.logger.warn(`${exception.code}: ${exception.message}`);
      const body: Record<string, unknown> = { message: exception.message, code: exception.code };
      if (exception.details !== undefined) body.details = exception.details;
      res.status(httpStatusOf(exception.code)).json(body);
      return;
    }
    if (exception instanceof HttpException) {
      res.status(exception.getStatus()).json({ message: exception.message });
      return;
    }
    this.logger.error(
      exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
    );
    res.status(500).json({ message: INTERNAL_ERROR_MESSAGE, code: ErrorCode.Internal });
  }
}
