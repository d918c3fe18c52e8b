/** Installs WorkspaceAuthGuard globally: no resolver is reachable without a workspace API key. */
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { WorkspaceEntity } from '@syncline/db';
import { WorkspaceAuthGuard } from './workspace-auth.guard';

@Module({
  imports: [TypeOrmModule.forFeature([WorkspaceEntity])],
  providers: [{ provide: APP_GUARD, useClass: WorkspaceAuthGuard }],
})
export class AuthModule {}
