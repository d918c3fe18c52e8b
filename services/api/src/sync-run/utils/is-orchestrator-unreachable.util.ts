/** Whether a Temporal client error means the server could not be reached (as opposed to a refusal). */
import { isGrpcDeadlineError, isGrpcServiceError } from '@temporalio/client';

const GRPC_UNAVAILABLE = 14;
const GRPC_DEADLINE_EXCEEDED = 4;

export function isOrchestratorUnreachable(err: unknown): boolean {
  // The client wraps gRPC errors (ServiceError 'Failed to start Workflow'), so walk the cause chain.
  for (let e: unknown = err, depth = 0; e !== undefined && e !== null && depth < 5; depth++) {
    if (isGrpcDeadlineError(e)) return true;
    if (isGrpcServiceError(e) && (e.code === GRPC_UNAVAILABLE || e.code === GRPC_DEADLINE_EXCEEDED))
      return true;
    e = e instanceof Error ? e.cause : undefined;
  }
  return false;
}
