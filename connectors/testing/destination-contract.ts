/**
 * The contract every destination passes (jest suite). Each destination's own spec only plugs in a fixture:
 * the connector, a working config and context, a way to read back what landed, and how it rejects data.
 */
import type { DestinationConnector, DestinationRecord, RecordOutcome, WriteContext } from '@syncline/domain';
import { ErrorCode, SynclineError } from '@syncline/errors';
import { parseConnectorConfig } from '../kit/parse-config';

export interface DestinationContractFixture<Config> {
  connector: DestinationConnector<Config>;
  /** A parsed, working config. */
  config: Config;
  /** Must be an upsert or mirror context: the suite checks last-write-wins. */
  context: Omit<WriteContext, 'signal'>;
  /** What the destination holds now, by record key (removed keys absent). */
  readBack(): Promise<Map<string, Record<string, unknown>>>;
  /** Fields of record `key` at `version`, as readBack returns them. Default: `{ name: '<key> v<version>' }`. */
  fieldsFor?(key: string, version: number): Record<string, unknown>;
  /**
   * How the destination rejects data. 'per-record' (default): `invalidRecord` is rejected on its own and the
   * rest of its batch lands. 'whole-batch': the receiver refuses a whole request (`arrangeRejection` makes it
   * refuse the next one); every record of it is rejected, nothing is thrown, and the next batch lands.
   */
  rejection:
    | { granularity: 'per-record'; invalidRecord: DestinationRecord }
    | { granularity: 'whole-batch'; arrangeRejection(): void };
  /** A raw config the spec must refuse; put the `wrongSecrets` values in it to prove they are not echoed. */
  invalidConfig: unknown;
  /** A parsed config whose secrets are wrong, so `write` throws and `check` fails; and those secret values. */
  wrongSecrets: { config: Config; secrets: string[] };
  teardown(): Promise<void>;
}

const defaultFields = (key: string, version: number): Record<string, unknown> => ({
  name: `${key} v${version}`,
});

export function describeDestinationContract<Config>(
  name: string,
  setup: () => Promise<DestinationContractFixture<Config>>,
): void {
  describe(`destination contract: ${name}`, () => {
    let fx: DestinationContractFixture<Config>;
    let fieldsFor: (key: string, version: number) => Record<string, unknown>;

    beforeEach(async () => {
      fx = await setup();
      fieldsFor = fx.fieldsFor ?? defaultFields;
    });
    afterEach(async () => fx?.teardown());

    const record = (key: string, op: DestinationRecord['op'] = 'added', version = 1): DestinationRecord => ({
      key,
      op,
      fields: op === 'removed' ? {} : fieldsFor(key, version),
      idempotencyKey: `${key}:${op}:v${version}`,
    });
    const write = (records: DestinationRecord[]): Promise<RecordOutcome[]> =>
      fx.connector.write(fx.config, records, { ...fx.context });

    it('gives every record exactly one outcome, in order, with its key', async () => {
      const records = [record('k1'), record('k2'), record('k3')];
      const outcomes = await write(records);
      expect(outcomes.map((o) => o.key)).toEqual(['k1', 'k2', 'k3']);
      expect(outcomes.every((o) => o.status === 'accepted')).toBe(true);
      const stored = await fx.readBack();
      expect([...stored.keys()].sort()).toEqual(['k1', 'k2', 'k3']);
      expect(stored.get('k2')).toEqual(fieldsFor('k2', 1));
      expect(await write([])).toEqual([]);
    });

    it('is idempotent for the same record and keeps the latest fields', async () => {
      expect(['upsert', 'mirror']).toContain(fx.context.mode);
      await write([record('k1', 'added', 1)]);
      await write([record('k1', 'added', 1)]);
      expect(await fx.readBack()).toEqual(new Map([['k1', fieldsFor('k1', 1)]]));
      const again = await write([record('k1', 'changed', 2)]);
      await write([record('k1', 'changed', 2)]);
      expect(again).toEqual([{ key: 'k1', status: 'accepted' }]);
      expect(await fx.readBack()).toEqual(new Map([['k1', fieldsFor('k1', 2)]]));
    });

    it('does not let a rejected record stop the good ones', async () => {
      const { rejection } = fx;
      if (rejection.granularity === 'per-record') {
        const bad = rejection.invalidRecord;
        const outcomes = await write([record('good1'), bad, record('good2')]);
        expect(outcomes.map((o) => [o.key, o.status])).toEqual([
          ['good1', 'accepted'],
          [bad.key, 'rejected'],
          ['good2', 'accepted'],
        ]);
        expect(outcomes[1]).toEqual(expect.objectContaining({ reason: expect.stringMatching(/\S/) }));
        expect([...(await fx.readBack()).keys()].sort()).toEqual(['good1', 'good2']);
      } else {
        rejection.arrangeRejection();
        const refused = await write([record('r1'), record('r2')]);
        expect(refused.map((o) => [o.key, o.status])).toEqual([
          ['r1', 'rejected'],
          ['r2', 'rejected'],
        ]);
        expect(refused[0]).toEqual(expect.objectContaining({ reason: expect.stringMatching(/\S/) }));
        expect(await write([record('good1')])).toEqual([{ key: 'good1', status: 'accepted' }]);
        expect([...(await fx.readBack()).keys()]).toEqual(['good1']);
      }
    });

    it('handles removals exactly when handlesRemovals(mode) says so', async () => {
      await write([record('k1'), record('k2')]);
      const outcomes = await write([record('k1', 'removed'), record('never-written', 'removed')]);
      expect(outcomes).toEqual([
        { key: 'k1', status: 'accepted' },
        { key: 'never-written', status: 'accepted' },
      ]);
      const keys = [...(await fx.readBack()).keys()].sort();
      expect(keys).toEqual(fx.connector.handlesRemovals(fx.context.mode) ? ['k2'] : ['k1', 'k2']);
    });

    it('rejects an invalid config with InvalidConfig, without echoing its secrets', () => {
      let err: unknown;
      try {
        parseConnectorConfig(fx.connector, fx.invalidConfig);
      } catch (e) {
        err = e;
      }
      expect(err).toEqual(expect.objectContaining({ code: ErrorCode.InvalidConfig }));
      const shown = `${(err as SynclineError).message} ${JSON.stringify((err as SynclineError).details)}`;
      for (const secret of fx.wrongSecrets.secrets) expect(shown).not.toContain(secret);
      expect(parseConnectorConfig(fx.connector, fx.config)).toEqual(fx.config);
    });

    it('never shows a secret value in an error or a check message', async () => {
      const { config, secrets } = fx.wrongSecrets;
      expect(secrets.length).toBeGreaterThan(0);
      const err = await fx.connector.write(config, [record('k1')], { ...fx.context }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(SynclineError);
      const check = await fx.connector.check(config);
      expect(check.ok).toBe(false);
      const shown = [
        (err as SynclineError).message,
        JSON.stringify((err as SynclineError).details ?? {}),
        check.message,
      ];
      for (const secret of secrets) for (const text of shown) expect(text).not.toContain(secret);
    });
  });
}
