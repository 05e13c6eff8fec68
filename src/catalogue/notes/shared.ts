/**
 * Sentences several notes end with, and the helper each notes file uses to write its entries.
 * Guidance may hold `{region}`, `{instance}`, `{group}`, `{topic}` and `{account}`; `explain`
 * fills in the ones it knows and leaves the others for the reader to substitute.
 */
import type { Category, Note } from '../types.js';

export type NoteWriter = (
  code: string,
  summary: string,
  guidance: string,
  retryable?: boolean,
) => Note;

/** A writer of notes of one category whose retry decision defaults to `retryable`. */
export function notesOf(category: Category, retryable: boolean): NoteWriter {
  return (code, summary, guidance, retry = retryable) => ({
    code,
    category,
    retryable: retry,
    summary,
    guidance,
  });
}

/** A failed write may or may not have been applied; a relative reset must not run twice. */
export const CHECK_BEFORE_RERUN =
  'If this was an executed reset, run `alikafka-offsets describe --group {group}` to see ' +
  'whether the offsets moved before running it again: an absolute target such as ' +
  '--to-datetime or --to-offset lands in the same place twice, but --shift-by would move ' +
  'them a second time.';

export const ASK_SUPPORT =
  'If it persists, open a ticket with Alibaba Cloud support and quote the request id ' +
  'that this tool printed.';

export const DESCRIBE_GROUP =
  '`alikafka-offsets describe --region {region} --instance {instance} --group {group}`';
