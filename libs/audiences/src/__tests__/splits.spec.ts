/** Split groups: validation, cumulative bucket ranges, which groups a sync may send, the group filter. */
import { ErrorCode } from '@syncline/errors';
import { bucketRanges, checkSyncTarget, findCycle, parseSplitGroups, splitGroupSql } from '../index';

describe('splits', () => {
  it('accepts groups summing to 100 with up to two decimals and gives them cumulative bucket ranges', () => {
    const groups = parseSplitGroups([
      { name: 'A', percent: 33.33 },
      { name: 'B', percent: 33.33 },
      { name: 'holdout', percent: 33.34, holdout: true },
    ]);
    expect(bucketRanges(groups).map((r) => r.end)).toEqual([3333, 6666, 10000]);
  });

  it('refuses sums other than 100, duplicate names, three decimals and all-holdout splits', () => {
    const refuse = (groups: unknown, message: string) =>
      expect(() => parseSplitGroups(groups)).toThrow(expect.objectContaining({ code: ErrorCode.InvalidAudience, message: expect.stringContaining(message) }));
    refuse([{ name: 'A', percent: 50 }, { name: 'B', percent: 40 }], 'groups: percentages sum to 90, not 100');
    refuse([{ name: 'A', percent: 50 }, { name: 'A', percent: 50 }], 'groups[1].name: group "A" is listed twice');
    refuse([{ name: 'A', percent: 50.005 }, { name: 'B', percent: 49.995 }], 'at most two decimals');
    refuse([{ name: 'A', percent: 50, holdout: true }, { name: 'B', percent: 50, holdout: true }], 'at least one group must not be a holdout');
    refuse([{ name: 'A', percent: 100 }], 'groups');
  });

  it('lets a sync of a split audience send one non-holdout group only', () => {
    const audience = { name: 'VIP', kind: 'audience', definition: { kind: 'audience', parentModelId: 'u', splits: [{ name: 'A', percent: 90 }, { name: 'H', percent: 10, holdout: true }] } };
    expect(() => checkSyncTarget(audience, 'A')).not.toThrow();
    expect(() => checkSyncTarget(audience, undefined)).toThrow('give the splitGroup this sync sends (groups: A, H)');
    expect(() => checkSyncTarget(audience, 'H')).toThrow('"H" is the holdout group of "VIP"');
    expect(() => checkSyncTarget(audience, 'Z')).toThrow('has no split group "Z"');
    expect(() => checkSyncTarget({ name: 'm', kind: 'sql', definition: null }, 'A')).toThrow('splitGroup applies to audiences with splits');
  });

  it('filters an audience model to one group with the group as a literal', () => {
    expect(splitGroupSql('postgres', 'SELECT 1', "a'b")).toBe(`SELECT * FROM (SELECT 1) "audience" WHERE "audience"."split_group" = 'a''b'`);
    expect(splitGroupSql('mysql', 'SELECT 1', 'A')).toBe("SELECT * FROM (SELECT 1) `audience` WHERE `audience`.`split_group` = 'A'");
  });

  it('finds relationship cycles', () => {
    const rel = (id: string, from: string, to: string) => ({ id, fromModelId: from, toModelId: to, cardinality: 'one-to-many' as const, joins: [] });
    expect(findCycle([rel('1', 'u', 'p'), rel('2', 'p', 'q')])).toBeUndefined();
    expect(findCycle([rel('1', 'u', 'p'), rel('2', 'p', 'q'), rel('3', 'q', 'p')])).toEqual(['p', 'q', 'p']);
  });
});
