import type {User} from '../client/types.js';

/** How a person is reached, as the elements show it: the email, or for an account made by phone alone its number. */
export const userContact = (user: Pick<User, 'email' | 'phoneNumber'>): string => user.email || user.phoneNumber || '';

/** The person's name, else how they are reached. */
export const userLabel = (user: Pick<User, 'name' | 'email' | 'phoneNumber'>): string => user.name || userContact(user);
