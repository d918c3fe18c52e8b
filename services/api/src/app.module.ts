/**
 * The control plane's root module, built from an explicit config so tests and main.ts decide where
 * the config comes from (tests never read process.env). Global enhancers: the workspace auth guard,
 * class-validator on every input, and the one GraphQL exception filter.
 */
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Module, ValidationPipe } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import type { SynclineConfig } from '@syncline/config';
import type { Request } from 'express';
import { AudienceInsightsModule } from './audience-insights/audience-insights.module';
import { AudienceMembershipModule } from './audience-membership/audience-membership.module';
import { AudienceSchemaModule } from './audience-schema/audience-schema.module';
import { AudienceTraitModule } from './audience-trait/audience-trait.module';
import { AudienceModule } from './audience/audience.module';
import { AuthModule } from './auth/auth.module';
import type { GraphqlContext } from './auth/graphql-context';
import { ConfigModule } from './config/config.module';
import { CryptoModule } from './crypto/crypto.module';
import { DatabaseModule } from './database/database.module';
import { DbtCloudModule } from './dbt-cloud/dbt-cloud.module';
import { DestinationModule } from './destination/destination.module';
import { formatGraphqlError } from './errors/format-graphql-error.util';
import { HealthModule } from './health/health.module';
import { MetricsModule } from './metrics/metrics.module';
import { GraphqlExceptionFilter } from './errors/graphql-exception.filter';
import { validationExceptionFactory } from './errors/validation-exception-factory.util';
import { ModelModule } from './model/model.module';
import { RestApiModule } from './rest-api/rest-api.module';
import { SourceModule } from './source/source.module';
import { SyncRunModule } from './sync-run/sync-run.module';
import { SyncSequenceModule } from './sync-sequence/sync-sequence.module';
import { SyncModule } from './sync/sync.module';
import { TemporalModule } from './temporal/temporal.module';

@Module({})
export class AppModule {
  static forRoot(config: SynclineConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule,
        CryptoModule,
        TemporalModule,
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          path: '/graphql',
          autoSchemaFile: true,
          sortSchema: true,
          introspection: true,
          playground: false,
          // Apollo 4+ name of the stack-trace switch (formerly includeStacktraceInErrorExtensions).
          includeStacktraceInErrorResponses: false,
          // Field resolvers (SyncRun.rows) skip guards but must still go through the error filter.
          fieldResolverEnhancers: ['filters'],
          formatError: formatGraphqlError,
          context: ({ req }: { req: Request }): GraphqlContext => ({ req }),
        }),
        AuthModule,
        SourceModule,
        ModelModule,
        DestinationModule,
        SyncModule,
        SyncRunModule,
        // Triggers (issue 7): sequences, dbt Cloud webhook, Hightouch-compatible REST API.
        SyncSequenceModule,
        DbtCloudModule,
        RestApiModule,
        // Customer Studio (issue 15): schema, traits, audiences, insights, membership history.
        AudienceSchemaModule,
        AudienceTraitModule,
        AudienceModule,
        AudienceInsightsModule,
        AudienceMembershipModule,
        HealthModule,
        MetricsModule,
      ],
      providers: [
        {
          provide: APP_PIPE,
          useValue: new ValidationPipe({
            exceptionFactory: validationExceptionFactory,
            forbidUnknownValues: false,
          }),
        },
        { provide: APP_FILTER, useClass: GraphqlExceptionFilter },
      ],
    };
  }
}
