/** The membership history of audiences, recorded by the worker when an audience sync run commits. */
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AudienceMembershipChangeEntity } from '@syncline/db';
import { AudienceModule } from '../audience/audience.module';
import { MembershipResolver } from './membership.resolver';

@Module({
  imports: [TypeOrmModule.forFeature([AudienceMembershipChangeEntity]), AudienceModule],
  providers: [MembershipResolver],
})
export class AudienceMembershipModule {}
