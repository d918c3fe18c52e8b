/** Shares ConnectorConfigService with the source and destination modules. */
import { Module } from '@nestjs/common';
import { ConnectorConfigService } from './connector-config.service';

@Module({ providers: [ConnectorConfigService], exports: [ConnectorConfigService] })
export class ConnectorConfigModule {}
