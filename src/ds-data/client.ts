/**
 * `DirectoryServiceDataClient`: sends DS Data commands over HTTPS with SigV4, retries,
 * endpoint resolution and the per-directory quota scheduler. Named and used like the
 * official `@aws-sdk/client-directory-service-data` client: `client.send(command)`.
 */
import { Client } from '@smithy/smithy-client';
import type { HttpHandlerOptions, MetadataBearer } from '@smithy/types';

import { resolveClientConfig, type DirectoryServiceDataClientConfig, type ResolvedClientConfig } from './config.js';
import { addPipeline, type SendOptions } from './middleware.js';
import { trackMiddlewareOrder } from './middleware-order.js';
import { SERVICE } from './operations.js';

/** Options of one `send` call: an abort signal and the scheduling hints. */
export type DirectoryServiceDataSendOptions = SendOptions & HttpHandlerOptions;

export class DirectoryServiceDataClient extends Client<
  DirectoryServiceDataSendOptions,
  object,
  MetadataBearer,
  ResolvedClientConfig
> {
  constructor(config: DirectoryServiceDataClientConfig = {}) {
    super(resolveClientConfig(config, SERVICE.apiVersion));
    addPipeline(this.middlewareStack, this.config);
    trackMiddlewareOrder(this.middlewareStack);
  }

  /** Closes the pooled keep-alive sockets. Calls sent afterwards open new ones. */
  override destroy(): void {
    super.destroy();
  }
}
