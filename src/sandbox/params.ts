/**
 * Reading API parameters the way the service does: required ones, names, whole numbers, and
 * the lookups of instance, group and topic with the service's not-found codes.
 */
import { SandboxFailure } from './codes.js';
import type { GroupRecord, SandboxState, TopicRecord } from './model.js';

export type Params = Record<string, string>;

/** The service cuts longer names without a word; so does the sandbox. */
const NAME_LIMIT = 64;
const NAME = /^[A-Za-z0-9_-]{3,}$/;

export function required(params: Params, name: string, opts: { allowEmpty?: boolean } = {}) {
  const value = params[name];
  if (value === undefined || (value === '' && !opts.allowEmpty)) {
    throw new SandboxFailure('MissingParameter', name);
  }
  return value;
}

/** A group or topic name: 3 or more of `A-Z a-z 0-9 _ -`, cut to 64 characters. */
export function nameParam(params: Params, name: string): string {
  const value = required(params, name);
  if (!NAME.test(value)) throw new SandboxFailure('InvalidParameter', name);
  return value.slice(0, NAME_LIMIT);
}

/** A whole number written in decimal; undefined when the parameter is absent. */
export function intParam(params: Params, name: string): number | undefined {
  const value = params[name];
  if (value === undefined || value === '') return undefined;
  const number = /^-?\d+$/.test(value.trim()) ? Number(value.trim()) : NaN;
  if (!Number.isSafeInteger(number)) throw new SandboxFailure('InvalidParameter.Format', name);
  return number;
}

/** The one instance, when both InstanceId and (if given or required) RegionId name it. */
export function checkInstance(state: SandboxState, params: Params, regionRequired = true): void {
  const instanceId = required(params, 'InstanceId');
  const regionId = regionRequired ? required(params, 'RegionId') : params.RegionId;

  // A wrong region looks the instance up where it does not live: the same not-found answer.
  if (instanceId !== state.instanceId || (regionId !== undefined && regionId !== state.regionId)) {
    throw new SandboxFailure('Instance.NotFound', 'InstanceId');
  }
}

export function findGroup(state: SandboxState, params: Params): [string, GroupRecord] {
  const name = nameParam(params, 'ConsumerId');
  const group = state.groups[name];
  if (!group) throw new SandboxFailure('Group.NotFound', 'ConsumerId');
  return [name, group];
}

export function findTopic(state: SandboxState, params: Params): [string, TopicRecord] {
  const name = nameParam(params, 'Topic');
  const topic = state.topics[name];
  if (!topic) throw new SandboxFailure('Topic.NotFound', 'Topic');
  return [name, topic];
}

/** Page number and size of a list call; size undefined means every item. */
export function paging(params: Params, defaultSize?: number): { page: number; size?: number } {
  const page = intParam(params, 'CurrentPage') ?? 1;
  const size = intParam(params, 'PageSize') ?? defaultSize;
  if (page < 1) throw new SandboxFailure('InvalidParameter', 'CurrentPage');
  if (size !== undefined && size < 1) throw new SandboxFailure('InvalidParameter', 'PageSize');
  return size === undefined ? { page } : { page, size };
}

export function pageOf<T>(items: T[], paged: { page: number; size?: number }): T[] {
  if (paged.size === undefined) return items;
  const start = (paged.page - 1) * paged.size;
  return items.slice(start, start + paged.size);
}
