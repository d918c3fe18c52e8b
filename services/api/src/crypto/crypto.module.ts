/** The SecretBox that seals connector configs at rest, keyed by SYNCLINE_ENCRYPTION_KEY. */
import { Global, Module } from '@nestjs/common';
import { SecretBox } from '@syncline/crypto';
import { SYNCLINE_CONFIG, type SynclineConfig } from '../config/config.token';

@Global()
@Module({
  providers: [
    {
      provide: SecretBox,
      inject: [SYNCLINE_CONFIG],
      useFactory: (config: SynclineConfig) => new SecretBox(config.SYNCLINE_ENCRYPTION_KEY),
    },
  ],
  exports: [SecretBox],
})
export class CryptoModule {}
