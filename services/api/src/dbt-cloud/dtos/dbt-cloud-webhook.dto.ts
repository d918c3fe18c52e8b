/** What a workspace needs to configure its dbt Cloud webhook (the secret itself is never returned). */
import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('DbtCloudWebhook')
export class DbtCloudWebhookDto {
  @Field(() => Boolean) configured!: boolean;
  @Field(() => String, { description: 'Path to give dbt Cloud, after this API’s base URL.' }) path!: string;
}
