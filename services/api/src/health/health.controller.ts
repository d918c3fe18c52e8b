/**
 * Probes for orchestrators: `/health/live` says the process serves HTTP (restart it if not);
 * `/health` says it can do its job — database and Temporal reachable — (take it out of the load balancer if not).
 */
import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Public } from '../auth/public.decorator';
import { HealthService, type ReadinessReport } from './health.service';

@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  async readiness(@Res() res: Response): Promise<void> {
    const report: ReadinessReport = await this.health.readiness();
    res.status(report.status === 'ok' ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json(report);
  }

  @Get('live')
  liveness(): { status: 'ok' } {
    return { status: 'ok' };
  }
}
