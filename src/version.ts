/** The version of the JSON documents the tool writes; bumped only on incompatible changes. */
export const SCHEMA_VERSION = 1;
