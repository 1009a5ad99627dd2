import {css, html, type TemplateResult} from 'lit';
import {part, type PartAppearance} from '../appearance/part.js';
import type {Organization, User} from '../client/types.js';

/** Up to two initials from the name (or the email when there is no name). */
export function initials(user: Pick<User, 'name' | 'email'>): string {
  const words = (user.name || user.email).trim().split(/[\s@._-]+/u).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words;
  return letters.map((word) => [...word][0] ?? '').join('').toLocaleUpperCase();
}

export const avatarStyles = css`
  .avatar {
    display: inline-grid;
    place-items: center;
    width: var(--auth-avatar-size, 2.25rem);
    height: var(--auth-avatar-size, 2.25rem);
    flex: none;
    overflow: hidden;
    border-radius: 50%;
    background: var(--_primary);
    color: var(--_primary-fg);
    font-size: 0.875em;
    font-weight: 600;
    line-height: 1;
    user-select: none;
  }
  .avatar::before {
    content: attr(data-initials);
  }
  /* An organization's logo is a rounded square: told apart from a person at a glance. */
  .avatar.organization {
    border-radius: calc(var(--_radius) * 0.75);
  }
  .avatar img {
    width: 100%;
    height: 100%;
    object-fit: cover;
  }
`;

/**
 * The user's picture, or their initials; decorative (the surrounding control is labelled).
 * Initials are drawn by CSS from an attribute, so they never compete with the control's name.
 */
export function avatar(user: Pick<User, 'name' | 'email' | 'imageUrl'>, appearance: PartAppearance): TemplateResult {
  return user.imageUrl
    ? html`<span class="avatar" ${part('avatar', appearance)} aria-hidden="true"><img src=${user.imageUrl} alt="" /></span>`
    : html`<span class="avatar" ${part('avatar', appearance)} aria-hidden="true" data-initials=${initials(user)}></span>`;
}

/**
 * An organization's logo, or the initials of its name, on a rounded square (people are round);
 * decorative like `avatar()`. Only `data:`, `blob:` and http(s) logos are drawn.
 */
export function organizationAvatar(organization: Pick<Organization, 'name' | 'logoUrl'>, appearance: PartAppearance): TemplateResult {
  const name = 'organization-logo';
  const logo = organization.logoUrl && /^(data:image\/|blob:|https?:)/i.test(organization.logoUrl) ? organization.logoUrl : null;
  return logo
    ? html`<span class="avatar organization" ${part(name, appearance)} aria-hidden="true"><img src=${logo} alt="" /></span>`
    : html`<span class="avatar organization" ${part(name, appearance)} aria-hidden="true" data-initials=${initials({name: organization.name, email: ''})}></span>`;
}

