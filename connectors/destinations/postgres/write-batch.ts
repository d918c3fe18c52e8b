/**
 * Writes one batch into a table in one transaction with multi-row statements. When a row's values break the
 * table's rules the batch is replayed row by row under savepoints, so good rows land and each bad row is
 * rejected with Postgres's own message.
 */
import type { DestinationRecord, RecordOutcome, SyncMode } from '@syncline/domain';
import { classifyPgError, pgMessage } from '../../kit/postgres';
import type { TableShape } from './table-columns';
import {
  deleteStatement,
  insertStatement,
  maxRowsPerStatement,
  type Statement,
  toParam,
  updateStatement,
} from './write-statements';

/** Runs one statement on the batch's connection (the caller adds cancellation and error mapping). */
export type RunStatement = (statement: Statement | string) => Promise<{ rows: Record<string, unknown>[] }>;

export interface BatchTarget {
  shape: TableShape;
  keyField: string;
  mode: SyncMode;
}

// A constant, so it can share the BEGIN round trip; bounds a write stuck behind a lock.
const BEGIN = 'BEGIN; SET LOCAL statement_timeout = 60000';

/** Records sharing the same mapped columns, written by the same statements. */
interface Group {
  columns: string[];
  indexes: number[];
}

export async function writeBatch(
  run: RunStatement,
  target: BatchTarget,
  records: readonly DestinationRecord[],
): Promise<RecordOutcome[]> {
  const outcomes: (RecordOutcome | undefined)[] = records.map((r) =>
    // Outside mirror mode a removal is not this destination's business: nothing to do, nothing to retry.
    r.op === 'removed' && target.mode !== 'mirror' ? { key: r.key, status: 'accepted' } : undefined,
  );
  const pending = records.flatMap((_, i) => (outcomes[i] ? [] : [i]));
  try {
    await run(BEGIN);
    await applyIndexes(run, target, records, pending, outcomes);
    await run('COMMIT');
  } catch (err) {
    await run('ROLLBACK').catch(() => undefined);
    if (classifyPgError(err) !== 'data') throw err;
    pending.forEach((i) => (outcomes[i] = undefined));
    await writeRowByRow(run, target, records, pending, outcomes);
  }
  return records.map((r, i) => outcomes[i] ?? { key: r.key, status: 'accepted' });
}

async function writeRowByRow(
  run: RunStatement,
  target: BatchTarget,
  records: readonly DestinationRecord[],
  pending: readonly number[],
  outcomes: (RecordOutcome | undefined)[],
): Promise<void> {
  try {
    await run(BEGIN);
    for (const i of pending) {
      await run('SAVEPOINT syncline_row');
      try {
        await applyIndexes(run, target, records, [i], outcomes);
        await run('RELEASE SAVEPOINT syncline_row');
      } catch (err) {
        if (classifyPgError(err) !== 'data') throw err;
        await run('ROLLBACK TO SAVEPOINT syncline_row; RELEASE SAVEPOINT syncline_row');
        outcomes[i] = { key: records[i]!.key, status: 'rejected', reason: pgMessage(err) };
      }
    }
    await run('COMMIT');
  } catch (err) {
    await run('ROLLBACK').catch(() => undefined);
    throw err;
  }
}

/** Writes the records at `indexes`; in update mode, marks keys without an existing row as rejected. */
async function applyIndexes(
  run: RunStatement,
  target: BatchTarget,
  records: readonly DestinationRecord[],
  indexes: readonly number[],
  outcomes: (RecordOutcome | undefined)[],
): Promise<void> {
  const removals = indexes.filter((i) => records[i]!.op === 'removed');
  const writes = indexes.filter((i) => records[i]!.op !== 'removed');
  for (const group of groupByColumns(records, writes, target.keyField)) {
    const rowsPerStatement = maxRowsPerStatement(group.columns.length + 1);
    for (let start = 0; start < group.indexes.length; start += rowsPerStatement) {
      const chunk = group.indexes.slice(start, start + rowsPerStatement);
      const rows = chunk.map((i) => rowValues(target, group.columns, records[i]!));
      if (target.mode !== 'update') {
        await run(
          insertStatement(target.shape, group.columns, rows, target.mode === 'insert' ? 'nothing' : 'update'),
        );
        continue;
      }
      const { rows: matched } = await run(updateStatement(target.shape, group.columns, rows));
      const found = new Set(matched.map((m) => Number(m.position)));
      chunk.forEach((recordIndex, position) => {
        if (found.has(position)) return;
        const key = records[recordIndex]!.key;
        const reason = `No row with ${target.keyField} = ${key} in ${target.shape.qualified} to update (update mode never inserts)`;
        outcomes[recordIndex] = { key, status: 'rejected', reason };
      });
    }
  }
  if (removals.length > 0) {
    await run(
      deleteStatement(
        target.shape,
        target.keyField,
        removals.map((i) => records[i]!.key),
      ),
    );
  }
}

/** The key column first, then the record's mapped fields; the model's key always wins over a mapped key field. */
function groupByColumns(
  records: readonly DestinationRecord[],
  indexes: readonly number[],
  keyField: string,
): Group[] {
  const groups = new Map<string, Group>();
  for (const i of indexes) {
    const fields = Object.keys(records[i]!.fields)
      .filter((f) => f !== keyField)
      .sort();
    const id = JSON.stringify(fields);
    const group = groups.get(id) ?? { columns: [keyField, ...fields], indexes: [] };
    group.indexes.push(i);
    groups.set(id, group);
  }
  return [...groups.values()];
}

function rowValues(target: BatchTarget, columns: readonly string[], record: DestinationRecord): unknown[] {
  return columns.map((c, i) =>
    i === 0 ? record.key : toParam(target.shape.columns.get(c), record.fields[c]),
  );
}
