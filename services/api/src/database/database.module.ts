/** The control-plane database: the shared entities and migrations from libs/db (never `synchronize`). */
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from '@syncline/db';
import { SYNCLINE_CONFIG, type SynclineConfig } from '../config/config.token';

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [SYNCLINE_CONFIG],
      useFactory: (config: SynclineConfig) => ({
        ...dataSourceOptions(config.DATABASE_URL),
        // Fail fast at boot instead of Nest's default nine silent retries.
        retryAttempts: 2,
        retryDelay: 1000,
      }),
    }),
  ],
})
export class DatabaseModule {}
