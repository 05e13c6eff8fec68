/**
 * `%s` templates, in the service's messages (`%s. Please check and try again later.`) and in its
 * codes (`Invalid.%s`): recognising a filled-in instance and reading back what was filled in.
 */

const PLACEHOLDER = '%s';

export function hasPlaceholder(template: string): boolean {
  return template.includes(PLACEHOLDER);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Each `%s` stands for at least one character; the whole text must match. */
function templatePattern(template: string, flags: string): RegExp {
  const parts = template.split(PLACEHOLDER).map(escapeRegExp);
  return new RegExp(`^${parts.join('(.+?)')}$`, flags);
}

/** A final full stop is left out now and then; it should not decide whether a message matches. */
function withoutFinalStop(text: string): string {
  const trimmed = text.trim();
  return trimmed.endsWith('.') ? trimmed.slice(0, -1) : trimmed;
}

/**
 * What the service put in place of each `%s` of `template` in `actualMessage`, in order, or
 * undefined when the message is not an instance of the template (or the template has no `%s`).
 */
export function fillTemplate(template: string, actualMessage: string): string[] | undefined {
  if (!hasPlaceholder(template)) return undefined;

  const pattern = templatePattern(withoutFinalStop(template), 'is');
  const match = pattern.exec(withoutFinalStop(actualMessage));
  if (!match) return undefined;

  const values = match.slice(1).map((value) => value.trim());
  return values.every((value) => value !== '') ? values : undefined;
}

/** The values of `fillTemplate` as one phrase, or undefined when nothing was filled in. */
export function templateDetail(template: string, actualMessage: string): string | undefined {
  return fillTemplate(template, actualMessage)?.join('; ');
}

/**
 * What a family code such as `Invalid.%s` stands for in `code` (`Offset` for `Invalid.Offset`),
 * or undefined when `code` is not of that family.
 */
export function familyValue(
  family: string,
  code: string,
  ignoreCase = false,
): string | undefined {
  if (!hasPlaceholder(family)) return undefined;

  const match = templatePattern(family, ignoreCase ? 'i' : '').exec(code);
  return match ? match.slice(1).join('; ') : undefined;
}

/** How much of a family code is fixed text: the more, the more specific the family. */
export function literalLength(family: string): number {
  return family.split(PLACEHOLDER).join('').length;
}
