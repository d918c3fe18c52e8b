/** What the destination did with one staged change of a run. */
import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('SyncRunRow')
export class SyncRunRowDto {
  @Field(() => String, { description: "The model's primary key value." }) key!: string;
  @Field(() => String, { description: 'added, changed or removed.' }) op!: string;
  @Field(() => String, { description: 'accepted, rejected or aborted.' }) status!: string;
  @Field(() => String, { nullable: true, description: 'Why the destination rejected the row.' }) reason!:
    string | null;
}
