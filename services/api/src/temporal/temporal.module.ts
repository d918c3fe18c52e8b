/**
 * The Temporal client the API starts and cancels sync runs with. The connection is lazy so the API
 * boots (and serves configuration) even while Temporal is unreachable.
 */
import { Global, Module } from '@nestjs/common';
import { temporalConnectionOptions } from '@syncline/config';
import { Client, Connection } from '@temporalio/client';
import { SYNCLINE_CONFIG, type SynclineConfig } from '../config/config.token';
import { TemporalLifecycleService } from './temporal-lifecycle.service';

@Global()
@Module({
  providers: [
    {
      provide: Connection,
      inject: [SYNCLINE_CONFIG],
      // mTLS / API key for Temporal Cloud and secured clusters come from the same config as the worker's.
      useFactory: (config: SynclineConfig) => Connection.lazy(temporalConnectionOptions(config)),
    },
    {
      provide: Client,
      inject: [Connection, SYNCLINE_CONFIG],
      useFactory: (connection: Connection, config: SynclineConfig) =>
        new Client({ connection, namespace: config.TEMPORAL_NAMESPACE }),
    },
    TemporalLifecycleService,
  ],
  exports: [Client, Connection],
})
export class TemporalModule {}
