import { InitialSchema1764100000000 } from './1764100000000-initial-schema';
import { CdcEngines1764400000000 } from './1764400000000-cdc-engines';
import { Triggers1764300000000 } from './1764300000000-triggers';
import { ModelKinds1764200000000 } from './1764200000000-model-kinds';
import { RateLimits1764500000000 } from './1764500000000-rate-limits';
import { CdcDeliveredFields1764620000000 } from './1764620000000-cdc-delivered-fields';
import { CdcCurrentResult1764700000000 } from './1764700000000-cdc-current-result';
import { RunSettings1764710000000 } from './1764710000000-run-settings';
import { DeferredRowOutcome1764720000000 } from './1764720000000-deferred-row-outcome';
import { CustomerStudio1764900000000 } from './1764900000000-customer-studio';

/** Ordered list of migrations; TypeORM records applied ones in the `migrations` table. */
export const MIGRATIONS = [
  InitialSchema1764100000000,
  CdcEngines1764400000000,
  Triggers1764300000000,
  ModelKinds1764200000000,
  RateLimits1764500000000,
  CdcDeliveredFields1764620000000,
  CdcCurrentResult1764700000000,
  RunSettings1764710000000,
  DeferredRowOutcome1764720000000,
  CustomerStudio1764900000000,
];
