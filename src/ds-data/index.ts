/**
 * The DS Data client: the only code that talks to AWS Directory Service Data. Names match
 * the official `@aws-sdk/client-directory-service-data` package, so moving to it later is a
 * change of imports (except `AttributeValue.N`, a `bigint` here).
 */
export { DirectoryServiceDataClient, type DirectoryServiceDataSendOptions } from './client.js';
export type { CallRecord, DirectoryServiceDataClientConfig } from './config.js';
export * from './commands.js';
export { DirectoryServiceDataCommand } from './command.js';
export * from './errors.js';
export * from './paginators.js';
export * from './types.js';
export { EndpointError, resolveEndpoint, type EndpointParameters, type ResolvedEndpoint } from './endpoints.js';
export { LightAbortSignal, type CallAbortSignal } from './abort-link.js';
export {
  QuotaWaitExceededError,
  UNSCHEDULED,
  type CallScheduler,
  type ScheduledCall,
} from './call-scheduler.js';
