import { InitialSchema1764100000000 } from './1764100000000-initial-schema';

/** Ordered list of migrations; TypeORM records applied ones in the `migrations` table. */
export const MIGRATIONS = [InitialSchema1764100000000];
