/** The shapes of the error catalogue: what a code means for an offset reset and what to do. */

export type Category =
  | 'credentials'
  | 'not-found'
  | 'invalid-input'
  | 'state-conflict'
  | 'throttled'
  | 'service'
  | 'not-applicable';

export interface CatalogueEntry {
  /** As the service writes it; `%s` marks a family such as `Invalid.%s`. */
  code: string;
  category: Category;
  /** Whether sending the same request again can succeed without anyone changing anything. */
  retryable: boolean;
  /** Every status the reference documents for the code; empty when no response came. */
  httpStatus: number[];
  /** The service's message templates, as documented; empty when none is documented. */
  serviceMessages: string[];
  summary: string;
  guidance: string;
}

export interface Explanation extends CatalogueEntry {
  /** False for codes not in the catalogue, which get a plain generic text. */
  known: boolean;
  /** What the service put in place of `%s`, in the code or in its message. */
  detail?: string;
}

/** What is known about the failed call; fills the guidance and picks out the detail. */
export interface ExplainContext {
  serviceMessage?: string;
  httpStatus?: number;
  regionId?: string;
  instanceId?: string;
  group?: string;
  topic?: string;
  /** The action that failed, when it was not UpdateConsumerOffset. */
  action?: string;
  /** A `describe` command line that reaches the same place (with --sandbox or --endpoint). */
  describeCommand?: string;
}

/** In the order `explain --list` prints them: the ones an operator can act on first. */
export const CATEGORIES: readonly Category[] = [
  'credentials',
  'not-found',
  'invalid-input',
  'state-conflict',
  'throttled',
  'service',
  'not-applicable',
];

export const CATEGORY_TITLES: Record<Category, string> = {
  credentials: 'Credentials and permission',
  'not-found': 'Not found',
  'invalid-input': 'Invalid input',
  'state-conflict': 'State conflict',
  throttled: 'Throttled',
  service: 'Service-side or network failure',
  'not-applicable': 'Not applicable to offset resets',
};

/** Our own words about a code; the documented statuses and messages are joined in `data.ts`. */
export interface Note {
  code: string;
  category: Category;
  retryable: boolean;
  summary: string;
  guidance: string;
}
