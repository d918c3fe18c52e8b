/**
 * What a sync run runs with, pinned on its run record by the plan step: deliver and commit read only this,
 * never the sync's, model's, source's or destination's current settings, so a run planned one way always
 * finishes that way. A change saved during a run applies from the next run. (The connector configs, with
 * their credentials, are pinned beside it, sealed like the records they were copied from.)
 */
import type { CdcEngine, DuplicateKeyPolicy, FieldMapping, SyncMode } from './sync';

export interface RunSettings {
  sourceId: string;
  /** Connector type of the source (never changes for a source). */
  sourceType: string;
  cdcEngine: CdcEngine;
  /** The model's SQL as planned (table and dbt models are resolved to SQL when saved). */
  modelSql: string;
  primaryKey: string;
  destinationId: string;
  destinationType: string;
  /** The destination object written to; null where the destination has one. */
  destinationObject: string | null;
  mode: SyncMode;
  mapping: FieldMapping[];
  /** Fingerprint of primary key + mapping (cdcFingerprint): recorded on the sync when the state advances. */
  mappingFingerprint: string;
  /** The destination field the primary key is mapped to, if mapped. */
  keyField: string | null;
  duplicateKeyPolicy: DuplicateKeyPolicy;
  /** The CDC engine keeps the last delivered fields of every key (the destination asked for them). */
  keepDeliveredFields: boolean;
  /**
   * For a model of kind audience: what commit needs to record membership history (who entered and left, with
   * their split group). `modelSql` is already filtered to `splitGroup` when the sync targets one group.
   * Absent on runs planned before Customer Studio, and for other models.
   */
  audience?: AudienceRunSettings | null;
}

export interface AudienceRunSettings {
  modelId: string;
  /** The one split group this sync sends; null: the whole audience. */
  splitGroup: string | null;
  /** The audience's splits when planned (names and percentages), to tell each member's group. */
  splits: { name: string; percent: number; holdout?: boolean }[] | null;
}
