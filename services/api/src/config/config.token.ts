/**
 * The typed config as an injection token: the process parses its environment once (main.ts) or a test
 * builds it explicitly, and every provider receives the same validated object.
 */
import { Inject } from '@nestjs/common';
import type { SynclineConfig } from '@syncline/config';

export const SYNCLINE_CONFIG = Symbol('SynclineConfig');

/** `@InjectConfig() config: SynclineConfig` — pairs the token with its type in one place. */
export const InjectConfig = (): ParameterDecorator => Inject(SYNCLINE_CONFIG);

export type { SynclineConfig };
