import { AudienceMembershipChangeEntity } from './audience-membership-change.entity';
import { AudienceRelationshipEntity } from './audience-relationship.entity';
import { AudienceSchemaModelEntity } from './audience-schema-model.entity';
import { AudienceTraitEntity } from './audience-trait.entity';
import { DbtCloudEventEntity } from './dbt-cloud-event.entity';
import { DbtCloudWebhookEntity } from './dbt-cloud-webhook.entity';
import { DestinationEntity } from './destination.entity';
import { ModelEntity } from './model.entity';
import { SourceEntity } from './source.entity';
import { SyncRunRowEntity } from './sync-run-row.entity';
import { SyncRunEntity } from './sync-run.entity';
import { SyncEntity } from './sync.entity';
import { SyncSequenceEntity } from './sync-sequence.entity';
import { WorkspaceEntity } from './workspace.entity';

export {
  AudienceMembershipChangeEntity,
  AudienceRelationshipEntity,
  AudienceSchemaModelEntity,
  AudienceTraitEntity,
  DbtCloudEventEntity,
  DbtCloudWebhookEntity,
  DestinationEntity,
  ModelEntity,
  SourceEntity,
  SyncEntity,
  SyncRunEntity,
  SyncRunRowEntity,
  SyncSequenceEntity,
  WorkspaceEntity,
};
export { emptyRunCounts } from './sync-run.entity';
export type { RowOutcomeStatus } from './sync-run-row.entity';
export type { JoinColumnPair } from './audience-relationship.entity';

export const ENTITIES = [
  WorkspaceEntity,
  SourceEntity,
  ModelEntity,
  DestinationEntity,
  SyncEntity,
  SyncRunEntity,
  SyncRunRowEntity,
  SyncSequenceEntity,
  DbtCloudWebhookEntity,
  DbtCloudEventEntity,
  AudienceSchemaModelEntity,
  AudienceRelationshipEntity,
  AudienceTraitEntity,
  AudienceMembershipChangeEntity,
];
