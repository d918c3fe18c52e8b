/** The connector registry: every source and destination Syncline can use, by type name. */
import type { DestinationConnector, SourceConnector } from '@syncline/domain';
import { ErrorCode, SynclineError } from '@syncline/errors';
import { brazeDestination } from './destinations/braze';
import { hubspotDestination } from './destinations/hubspot';
import { metaCustomAudiencesDestination } from './destinations/meta-custom-audiences';
import { postgresDestination } from './destinations/postgres';
import { salesforceDestination } from './destinations/salesforce';
import { slackDestination } from './destinations/slack';
import { webhookDestination } from './destinations/webhook';
import { duckdbSource } from './sources/duckdb';
import { mysqlSource } from './sources/mysql';
import { postgresSource } from './sources/postgres';
import { snowflakeSource } from './sources/snowflake';

// Connectors register here as they are added (see connectors/sources/* and connectors/destinations/*).
// Each connector is typed by its own config; the registry hands out configs parsed by that connector's spec.
const SOURCES: Record<string, SourceConnector<unknown>> = {
  [postgresSource.type]: postgresSource,
  [mysqlSource.type]: mysqlSource,
  [duckdbSource.type]: duckdbSource,
  [snowflakeSource.type]: snowflakeSource,
};
const DESTINATIONS: Record<string, DestinationConnector<unknown>> = {
  [postgresDestination.type]: postgresDestination,
  [salesforceDestination.type]: salesforceDestination,
  [webhookDestination.type]: webhookDestination,
  [hubspotDestination.type]: hubspotDestination,
  [metaCustomAudiencesDestination.type]: metaCustomAudiencesDestination,
  [brazeDestination.type]: brazeDestination,
  [slackDestination.type]: slackDestination,
};

export function sourceConnector(type: string): SourceConnector<unknown> {
  const c = SOURCES[type];
  if (!c)
    throw new SynclineError(
      ErrorCode.UnknownConnector,
      `Unknown source type "${type}". Known: ${Object.keys(SOURCES).join(', ')}`,
    );
  return c;
}

export function destinationConnector(type: string): DestinationConnector<unknown> {
  const c = DESTINATIONS[type];
  if (!c)
    throw new SynclineError(
      ErrorCode.UnknownConnector,
      `Unknown destination type "${type}". Known: ${Object.keys(DESTINATIONS).join(', ')}`,
    );
  return c;
}

export * from './kit/parse-config';
export * from './kit/write-isolating';
