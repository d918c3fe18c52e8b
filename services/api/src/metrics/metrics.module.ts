/** Prometheus metrics of the control plane; global so any service can count what it does. */
import { Global, Module } from '@nestjs/common';
import { ApiMetricsService } from './api-metrics.service';
import { MetricsController } from './metrics.controller';

@Global()
@Module({
  controllers: [MetricsController],
  providers: [ApiMetricsService],
  exports: [ApiMetricsService],
})
export class MetricsModule {}
