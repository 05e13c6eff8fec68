/**
 * The sandbox: a local endpoint that speaks the ApsaraMQ for Kafka OpenAPI. It only speaks
 * HTTP, so importing it never loads the SDK.
 */
export * from './constants.js';
export { startSandbox, isLoopback, type SandboxHandle, type SandboxOptions } from './server.js';
export {
  readSandboxState,
  resetSandboxState,
  updateSandboxState,
  type SandboxState,
  type StoreOptions,
} from './state.js';
export {
  armFault,
  clearFaults,
  FAULT_KINDS,
  type Fault,
  type FaultKind,
  type FaultSpec,
} from './faults.js';
export type { LogEntry, SandboxModes } from './model.js';
export type { SeedOptions } from './seed.js';
