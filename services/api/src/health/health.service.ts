/**
 * Readiness of the control plane: the database answers `SELECT 1` and the Temporal frontend answers its
 * gRPC health check, each within a deadline so a hung dependency fails the probe instead of hanging it.
 */
import { Inject, Injectable } from '@nestjs/common';
import { Connection } from '@temporalio/client';
import { DataSource } from 'typeorm';

const CHECK_DEADLINE_MS = 3_000;

export type DependencyStatus = { status: 'up' } | { status: 'down'; error: string };

export interface ReadinessReport {
  status: 'ok' | 'unavailable';
  checks: { database: DependencyStatus; temporal: DependencyStatus };
}

function withTimeout<T>(what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what} did not answer within ${CHECK_DEADLINE_MS} ms`)),
      CHECK_DEADLINE_MS,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function probe(what: string, check: () => Promise<unknown>): Promise<DependencyStatus> {
  try {
    await withTimeout(what, check());
    return { status: 'up' };
  } catch (err) {
    // The message names the failing dependency only; connection strings never reach it.
    return { status: 'down', error: err instanceof Error ? err.message : String(err) };
  }
}

@Injectable()
export class HealthService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(Connection) private readonly temporal: Connection,
  ) {}

  async readiness(): Promise<ReadinessReport> {
    const [database, temporal] = await Promise.all([
      probe('database', () => this.dataSource.query('SELECT 1')),
      probe('temporal', () =>
        this.temporal.withDeadline(Date.now() + CHECK_DEADLINE_MS, () =>
          this.temporal.healthService.check({}),
        ),
      ),
    ]);
    const ok = database.status === 'up' && temporal.status === 'up';
    return { status: ok ? 'ok' : 'unavailable', checks: { database, temporal } };
  }
}
