/** Installs WorkspaceAuthGuard globally: no resolver is reachable without a workspace API key. */
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { WorkspaceEntity } from '@syncline/db';
import { WorkspaceAuthGuard } from './workspace-auth.guard';
import { WorkspaceKeyService } from './workspace-key.service';

@Module({
  imports: [TypeOrmModule.forFeature([WorkspaceEntity])],
  providers: [WorkspaceKeyService, { provide: APP_GUARD, useClass: WorkspaceAuthGuard }],
  exports: [WorkspaceKeyService],
})
export class AuthModule {}
