/**
 * Registers search attributes at startup (in the background) and closes the Temporal connection on
 * shutdown. Temporal being down at boot only logs a warning: the API still serves configuration, and
 * runSync reports ORCHESTRATOR_UNAVAILABLE until Temporal is back.
 */
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { Connection } from '@temporalio/client';
import { InjectConfig, type SynclineConfig } from '../config/config.token';
import { registerSearchAttributes } from './register-search-attributes.util';

const STARTUP_DEADLINE_MS = 5_000;

@Injectable()
export class TemporalLifecycleService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(TemporalLifecycleService.name);

  constructor(
    @Inject(Connection) private readonly connection: Connection,
    @InjectConfig() private readonly config: SynclineConfig,
  ) {}

  private registration: Promise<void> = Promise.resolve();

  /** Not awaited: boot must not wait for Temporal (the API still serves configuration without it). */
  onApplicationBootstrap(): void {
    this.registration = this.registerSearchAttributes();
  }

  private async registerSearchAttributes(): Promise<void> {
    const { TEMPORAL_ADDRESS: address, TEMPORAL_NAMESPACE: namespace } = this.config;
    try {
      const added = await this.connection.withDeadline(Date.now() + STARTUP_DEADLINE_MS, () =>
        registerSearchAttributes(this.connection, namespace),
      );
      if (added.length > 0)
        this.logger.log(`Registered search attributes ${added.join(', ')} on ${namespace}`);
    } catch (err) {
      this.logger.warn(
        `Could not register search attributes on Temporal at ${address} (namespace ${namespace}): ${String(err)}`,
      );
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.registration;
    await this.connection.close();
  }
}
