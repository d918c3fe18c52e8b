/** Provides the parsed SynclineConfig to the whole app; the caller decides where it comes from. */
import { type DynamicModule, Module } from '@nestjs/common';
import type { SynclineConfig } from '@syncline/config';
import { SYNCLINE_CONFIG } from './config.token';

@Module({})
export class ConfigModule {
  static forRoot(config: SynclineConfig): DynamicModule {
    return {
      module: ConfigModule,
      global: true,
      providers: [{ provide: SYNCLINE_CONFIG, useValue: config }],
      exports: [SYNCLINE_CONFIG],
    };
  }
}
