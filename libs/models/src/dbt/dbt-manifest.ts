/**
 * Reads a dbt `manifest.json` (written by `dbt parse` / `compile` / `run` into target/): from a path on the
 * API's file system or as uploaded JSON. Only the fields Syncline uses are validated; the rest is ignored,
 * so manifests of newer dbt versions keep working.
 */
import { readFile } from 'node:fs/promises';
import { ErrorCode, SynclineError } from '@syncline/errors';
import { z } from 'zod';

const nodeSpec = z.looseObject({
  unique_id: z.string(),
  resource_type: z.string(),
  name: z.string(),
  package_name: z.string().optional(),
  relation_name: z.string().nullish(),
  compiled_code: z.string().nullish(),
  description: z.string().nullish(),
  config: z.looseObject({ materialized: z.string().optional() }).optional(),
  column_name: z.string().nullish(),
  attached_node: z.string().nullish(),
  test_metadata: z
    .looseObject({ name: z.string(), kwargs: z.record(z.string(), z.unknown()).optional() })
    .nullish(),
  depends_on: z.looseObject({ nodes: z.array(z.string()).optional() }).optional(),
});

export const dbtManifestSpec = z.looseObject({
  metadata: z.looseObject({ dbt_version: z.string().optional() }).optional(),
  nodes: z.record(z.string(), nodeSpec),
});

export type DbtManifest = z.infer<typeof dbtManifestSpec>;
export type DbtManifestNode = z.infer<typeof nodeSpec>;

export interface ManifestInput {
  manifestPath?: string;
  manifestJson?: string;
}

export async function loadDbtManifest(input: ManifestInput): Promise<DbtManifest> {
  let text: string;
  if (input.manifestJson !== undefined) text = input.manifestJson;
  else if (input.manifestPath !== undefined) {
    try {
      text = await readFile(input.manifestPath, 'utf8');
    } catch (err) {
      throw new SynclineError(
        ErrorCode.BadUserInput,
        `Cannot read the dbt manifest at ${input.manifestPath}: ${(err as Error).message}. Run dbt parse (or compile) and give the path of target/manifest.json`,
        { cause: err },
      );
    }
  } else throw new SynclineError(ErrorCode.BadUserInput, 'Give a dbt manifest: manifestPath or manifestJson');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new SynclineError(ErrorCode.BadUserInput, 'The dbt manifest is not valid JSON', { cause: err });
  }
  const parsed = dbtManifestSpec.safeParse(raw);
  if (!parsed.success) {
    throw new SynclineError(
      ErrorCode.BadUserInput,
      `This is not a dbt manifest.json: ${parsed.error.issues
        .slice(0, 3)
        .map((i) => `${i.path.join('.')}: ${i.message}`)
        .join('; ')}`,
    );
  }
  return parsed.data;
}
