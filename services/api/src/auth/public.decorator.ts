/**
 * Marks a controller or handler as reachable without a workspace API key: health probes and the
 * Prometheus scrape come from the platform (kubelet, Prometheus), which holds no workspace key.
 */
import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'syncline:isPublic';

export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);
