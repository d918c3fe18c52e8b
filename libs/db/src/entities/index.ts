import { DestinationEntity } from './destination.entity';
import { ModelEntity } from './model.entity';
import { SourceEntity } from './source.entity';
import { SyncRunRowEntity } from './sync-run-row.entity';
import { SyncRunEntity } from './sync-run.entity';
import { SyncEntity } from './sync.entity';
import { WorkspaceEntity } from './workspace.entity';

export {
  DestinationEntity,
  ModelEntity,
  SourceEntity,
  SyncEntity,
  SyncRunEntity,
  SyncRunRowEntity,
  WorkspaceEntity,
};
export { emptyRunCounts } from './sync-run.entity';
export type { RowOutcomeStatus } from './sync-run-row.entity';

export const ENTITIES = [
  WorkspaceEntity,
  SourceEntity,
  ModelEntity,
  DestinationEntity,
  SyncEntity,
  SyncRunEntity,
  SyncRunRowEntity,
];
