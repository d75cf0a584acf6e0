/** A user of a tenant as the users APIs list them. */
export interface User {
  id: string;
  username: string;
  email: string;
  firstName?: string;
  lastName?: string;
  status: string;
  roles: string[];
  createdAt: string;
}

/** First and last name, or the username when the user has none. */
export function fullName(user: { firstName?: string; lastName?: string; username: string }): string {
  return [user.firstName, user.lastName].filter(Boolean).join(" ") || user.username;
}
