/**
 * The Temporal client the API starts and cancels sync runs with. The connection is lazy so the API
 * boots (and serves configuration) even while Temporal is unreachable.
 */
import { Global, Module } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { SYNCLINE_CONFIG, type SynclineConfig } from '../config/config.token';
import { TemporalLifecycleService } from './temporal-lifecycle.service';

@Global()
@Module({
  providers: [
    {
      provide: Connection,
      inject: [SYNCLINE_CONFIG],
      useFactory: (config: SynclineConfig) => Connection.lazy({ address: config.TEMPORAL_ADDRESS }),
    },
    {
      provide: Client,
      inject: [Connection, SYNCLINE_CONFIG],
      useFactory: (connection: Connection, config: SynclineConfig) =>
        new Client({ connection, namespace: config.TEMPORAL_NAMESPACE }),
    },
    TemporalLifecycleService,
  ],
  exports: [Client],
})
export class TemporalModule {}
