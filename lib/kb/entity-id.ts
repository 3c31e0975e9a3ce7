// The one spelling of an entity or fact id: kebab-case, at most 80 characters. The knowledge base,
// pins, user data and every message between the extension's parts check ids against this.
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MAX_ID_LENGTH = 80;
export const ID_RULE = 'must be kebab-case: lower-case letters, digits and single hyphens';

export function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_ID_LENGTH && ID_PATTERN.test(value);
}
