/**
 * A name as an id: lower-case letters and digits (accents dropped), other runs of characters as one
 * hyphen, at most {@code max} characters.
 */
export function slugOf(name: string, max = 40): string {
  return name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, max);
}
