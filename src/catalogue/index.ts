/** The error catalogue: what each API error code means for an offset reset and what to do. */
export type { Category, CatalogueEntry, Explanation, ExplainContext } from './types.js';
export { CATEGORIES, CATEGORY_TITLES } from './types.js';
export { allEntries, isRetryableCode, lookup } from './lookup.js';
export { explain } from './explain.js';
export { suggestCodes } from './suggest.js';
export { fillTemplate } from './template.js';
