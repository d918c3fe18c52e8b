/**
 * The contract every destination passes (jest suite). Each destination's own spec only plugs in a fixture:
 * the connector, a working config and context, a way to read back what landed, and how it rejects data.
 */
import type { DestinationConnector, DestinationRecord, RecordOutcome, WriteContext } from '@syncline/domain';
import { ErrorCode, SynclineError } from '@syncline/errors';
import { parseConnectorConfig } from '../kit/parse-config';
import { writeIsolating } from '../kit/write-isolating';
import { captureOutput } from './capture-output';
import { type RecordingGate, recordingGate } from './recording-gate';

export interface DestinationContractFixture<Config> {
  connector: DestinationConnector<Config>;
  /** A parsed, working config. */
  config: Config;
  /** Must be an upsert or mirror context: the suite checks last-write-wins. */
  context: Omit<WriteContext, 'signal'>;
  /** Whether removed rows are removed from the destination in this context (the connector's documented rule). */
  removes: boolean;
  /** What the destination holds now, by record key (removed keys absent). */
  readBack(): Promise<Map<string, Record<string, unknown>>>;
  /** Fields of record `key` at `version`, as readBack returns them. Default: `{ name: '<key> v<version>' }`. */
  fieldsFor?(key: string, version: number): Record<string, unknown>;
  /**
   * A record the destination refuses for its content. Per-record destinations reject it alone; the others
   * refuse its whole request (BatchRejectedError) and writeIsolating narrows the refusal down to it.
   */
  invalidRecord: DestinationRecord;
  /** HTTP destinations: how their emulator is made to throttle, fail and count (absent for databases). */
  http?: {
    /** The emulator answers the next request 429 with `Retry-After: seconds`. */
    throttleNext(seconds: number): void;
    /** The emulator answers the next request with this 5xx status. */
    failNext(status: number): void;
    /** How many requests the emulator has received so far. */
    requestCount(): number;
  };
  /** A raw config the spec must refuse; put the `wrongSecrets` values in it to prove they are not echoed. */
  invalidConfig: unknown;
  /** A parsed config whose secrets are wrong, so `write` throws and `check` fails; and those secret values. */
  wrongSecrets: { config: Config; secrets: string[] };
  teardown(): Promise<void>;
}

const defaultFields = (key: string, version: number): Record<string, unknown> => ({
  name: `${key} v${version}`,
});

/** `transport: 'http'` adds the tests of the shared HTTP behaviour (gate, 429, 5xx); the fixture then has `http`. */
export function describeDestinationContract<Config>(
  name: string,
  setup: () => Promise<DestinationContractFixture<Config>>,
  options: { transport: 'http' | 'database' } = { transport: 'http' },
): void {
  describe(`destination contract: ${name}`, () => {
    let fx: DestinationContractFixture<Config>;
    let fieldsFor: (key: string, version: number) => Record<string, unknown>;
    let gate: RecordingGate;

    beforeEach(async () => {
      fx = await setup();
      fieldsFor = fx.fieldsFor ?? defaultFields;
      gate = recordingGate();
    });
    afterEach(async () => fx?.teardown());

    const record = (key: string, op: DestinationRecord['op'] = 'added', version = 1): DestinationRecord => ({
      key,
      op,
      fields: op === 'removed' ? {} : fieldsFor(key, version),
      idempotencyKey: `${key}:${op}:v${version}`,
    });
    const http = () => {
      if (!fx.http) throw new Error(`${name}: an http-transport fixture must provide \`http\``);
      return fx.http;
    };
    // The deliver activity's own path: the shared gate, and batch splitting around refused records.
    const write = (records: DestinationRecord[]): Promise<RecordOutcome[]> =>
      writeIsolating(fx.connector, fx.config, records, { ...fx.context, gate });

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
      const bad = fx.invalidRecord;
      const outcomes = await write([record('good1'), bad, record('good2')]);
      expect(outcomes.map((o) => [o.key, o.status])).toEqual([
        ['good1', 'accepted'],
        [bad.key, 'rejected'],
        ['good2', 'accepted'],
      ]);
      expect(outcomes[1]).toEqual(expect.objectContaining({ reason: expect.stringMatching(/\S/) }));
      expect([...(await fx.readBack()).keys()].sort()).toEqual(['good1', 'good2']);
    });

    if (options.transport === 'http') {
      it('sends every request through the shared gate', async () => {
        const before = http().requestCount();
        await write([record('k1'), record('k2')]);
        await write([record('k3')]);
        expect(gate.acquired).toBeGreaterThanOrEqual(2);
        expect(gate.acquired).toBe(http().requestCount() - before);
      });

      it('waits out a 429 for the Retry-After it names, pausing the destination for everyone', async () => {
        http().throttleNext(1);
        const started = Date.now();
        expect(await write([record('k1')])).toEqual([{ key: 'k1', status: 'accepted' }]);
        expect(gate.pauses).toEqual([1000]);
        expect(Date.now() - started).toBeGreaterThanOrEqual(950);
        expect([...(await fx.readBack()).keys()]).toEqual(['k1']);
      });

      it('reports a 5xx as transient, so the run retries it, and delivers afterwards', async () => {
        http().failNext(503);
        const err = await write([record('k1')]).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(err).toBeInstanceOf(SynclineError);
        expect((err as SynclineError).transient).toBe(true);
        expect(await write([record('k1')])).toEqual([{ key: 'k1', status: 'accepted' }]);
      });
    }

    it('removes rows exactly when the fixture says its mode does', async () => {
      await write([record('k1'), record('k2')]);
      const outcomes = await write([record('k1', 'removed'), record('never-written', 'removed')]);
      expect(outcomes).toEqual([
        { key: 'k1', status: 'accepted' },
        { key: 'never-written', status: 'accepted' },
      ]);
      const keys = [...(await fx.readBack()).keys()].sort();
      expect(keys).toEqual(fx.removes ? ['k2'] : ['k1', 'k2']);
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

    it('never shows a secret value in an error, a check message or a log line', async () => {
      const { config, secrets } = fx.wrongSecrets;
      expect(secrets.length).toBeGreaterThan(0);
      const output = captureOutput();
      let err: unknown;
      let check: Awaited<ReturnType<typeof fx.connector.check>>;
      try {
        err = await fx.connector.write(config, [record('k1')], { ...fx.context }).then(
          () => undefined,
          (e: unknown) => e,
        );
        check = await fx.connector.check(config);
      } finally {
        output.restore();
      }
      expect(err).toBeInstanceOf(SynclineError);
      expect(check.ok).toBe(false);
      const shown = [
        (err as SynclineError).message,
        JSON.stringify((err as SynclineError).details ?? {}),
        check.message,
        ...output.lines,
      ];
      for (const secret of secrets) for (const text of shown) expect(text).not.toContain(secret);
    });
  });
}
