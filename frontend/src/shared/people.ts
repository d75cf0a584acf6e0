import type * as Schemas from "./api-types.gen";

/** A user of a tenant as the users APIs list them. */
export type User = Schemas.User;

/** First and last name, or the username when the user has none. */
export function fullName(user: { firstName?: string | null; lastName?: string | null; username: string }): string {
  return [user.firstName, user.lastName].filter(Boolean).join(" ") || user.username;
}
