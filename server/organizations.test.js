// Organizations on the reference server, in process: what better-auth 1.7's organization plugin
// answers with the kit's options (access control with reports:read, invitation links, and the
// rules of organization-rules.js), so the better-auth adapter can map each code. A person who
// calls an endpoint directly gets what the UI would never offer refused by the API.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import {betterAuth} from 'better-auth';
import {getMigrations} from 'better-auth/db/migration';
import {createAccessControl} from 'better-auth/plugins/access';
import {createAuth} from './auth.js';
import {authElementsOptions} from './better-auth-plugin.js';
import {ConfigurationError} from './config.js';
import {createMailbox} from './mailbox.js';
import {organizationWith} from './fixtures/organization.js';
import {browserCalls} from './fixtures/browser.js';

const origin = 'http://localhost:3000';
const password = 'correct horse 1';

async function server(options = {}) {
  const mailbox = createMailbox({log: false});
  const auth = await createAuth({databasePath: ':memory:', baseURL: origin, trustedOrigins: [origin], mailbox, logLevel: 'error', ...options});
  let people = 0;
  /** A browser (its cookies), or with `bearer` a client on another site (its token). */
  const client = (bearer = false) => browserCalls({origin, send: (url, init) => auth.handler(new Request(url, init)), bearer}).call;
  /** A verified person, signed in. */
  const person = async (name, {bearer = false} = {}) => {
    const email = `person${++people}@example.com`;
    const {user} = await auth.api.signUpEmail({body: {name, email, password}});
    await (await auth.$context).internalAdapter.updateUser(user.id, {emailVerified: true});
    const call = client(bearer);
    assert.equal((await call('/sign-in/email', {email, password})).status, 200);
    return {call, email, name};
  };
  /** An owner with an organization (active for the owner), and `others` joined as members through their invitations. */
  const organization = (...others) => organizationWith(person, `acme-${people}`, others);
  /** @param {string} id */
  const expire = async (id) =>
    (await auth.$context).adapter.update({model: 'invitation', where: [{field: 'id', value: id}], update: {expiresAt: new Date(Date.now() - 1000)}});
  return {auth, mailbox, person, organization, expire};
}

/** Status and code of an answer. @param {{status: number, body: any}} answer */
const refusal = ({status, body}) => [status, body?.code];

test('an invitation mails a link to the invitation page, on the API origin by default or where invitationUrl says', async () => {
  const {mailbox, person, organization} = await server();
  const invitee = await person('Ivy Invited');
  const {owner, organizationId} = await organization();
  const invited = await owner.call('/organization/invite-member', {email: invitee.email, role: 'admin', organizationId});
  assert.equal(invited.status, 200);
  const mail = mailbox.list().at(-1);
  assert.equal(mail.to, invitee.email);
  assert.equal(mail.subject, 'You are invited to Acme');
  assert.match(mail.text, new RegExp(`Olivia Owner invited you to Acme\\.\\nAccept the invitation: ${origin}/invitation\\?id=${invited.body.id}$`));

  const custom = await server({invitationUrl: 'https://app.example/join/{id}'});
  const other = await custom.person('Ivy');
  const org = await custom.organization();
  const second = await org.owner.call('/organization/invite-member', {email: other.email, role: 'member', organizationId: org.organizationId});
  assert.ok(custom.mailbox.list().at(-1).text.endsWith(`https://app.example/join/${second.body.id}`));
});

test('reports:read is granted to owners and admins, not to members', async () => {
  const {person, organization} = await server();
  const [member, admin] = [await person('Max Member'), await person('Ada Admin')];
  const {owner, organizationId, memberId} = await organization(member, admin);
  assert.equal((await owner.call('/organization/update-member-role', {memberId: memberId(admin), role: 'admin', organizationId})).status, 200);
  const canRead = async (/** @type {any} */ who) => (await who.call('/organization/has-permission', {permissions: {reports: ['read']}, organizationId})).body.success;
  assert.deepEqual([await canRead(owner), await canRead(admin), await canRead(member)], [true, true, false]);
});

test('slugs: a taken one is refused (two codes), and one that is not a slug at all', async () => {
  const {person, organization} = await server();
  const {owner, organizationId, slug} = await organization();
  const other = await person('Sam Second');
  assert.deepEqual(refusal(await other.call('/organization/create', {name: 'Copy', slug})), [400, 'ORGANIZATION_ALREADY_EXISTS']);
  assert.deepEqual(refusal(await other.call('/organization/check-slug', {slug})), [400, 'ORGANIZATION_SLUG_ALREADY_TAKEN']);
  assert.deepEqual(await other.call('/organization/check-slug', {slug: 'free-slug'}), {status: 200, body: {status: true}});
  const second = await owner.call('/organization/create', {name: 'Second', slug: 'second-org'});
  assert.deepEqual(refusal(await owner.call('/organization/update', {data: {slug}, organizationId: second.body.id})), [400, 'ORGANIZATION_SLUG_ALREADY_TAKEN']);
  // The kit's rule (better-auth takes any string as a slug).
  for (const bad of ['Not A Slug', 'a', 'x/../y', '-dash', 'double--hyphen']) {
    assert.deepEqual(refusal(await other.call('/organization/create', {name: 'Bad', slug: bad})), [400, 'INVALID_SLUG'], bad);
  }
  assert.deepEqual(refusal(await other.call('/organization/check-slug', {slug: 'UPPER'})), [400, 'INVALID_SLUG']);
  assert.deepEqual(refusal(await owner.call('/organization/update', {data: {slug: 'Bad Slug'}, organizationId})), [400, 'INVALID_SLUG']);
  assert.deepEqual(refusal(await other.call('/organization/create', {name: '', slug: 'empty-name'})), [400, 'VALIDATION_ERROR']);
});

test('a member calling the role-change, remove, invite, revoke, update or delete endpoint directly is refused with 403', async () => {
  const {person, organization} = await server();
  const [member, second] = [await person('Max Member'), await person('Mo Member')];
  const {owner, organizationId, memberId} = await organization(member, second);
  const ownerId = memberId(owner);
  const pending = await owner.call('/organization/invite-member', {email: 'someone@example.com', role: 'member', organizationId});
  const answers = {
    promoteSelf: await member.call('/organization/update-member-role', {memberId: memberId(member), role: 'admin', organizationId}),
    demoteOwner: await member.call('/organization/update-member-role', {memberId: ownerId, role: 'member', organizationId}),
    // better-auth alone: 400 YOU_CANNOT_LEAVE_THE_ORGANIZATION_AS_THE_ONLY_OWNER and 401 (organization-rules.js).
    removeOwner: await member.call('/organization/remove-member', {memberIdOrEmail: ownerId, organizationId}),
    removeOther: await member.call('/organization/remove-member', {memberIdOrEmail: memberId(second), organizationId}),
    removeByEmail: await member.call('/organization/remove-member', {memberIdOrEmail: second.email, organizationId}),
    invite: await member.call('/organization/invite-member', {email: 'new@example.com', role: 'member', organizationId}),
    revoke: await member.call('/organization/cancel-invitation', {invitationId: pending.body.id}),
    update: await member.call('/organization/update', {data: {name: 'Taken over'}, organizationId}),
    delete: await member.call('/organization/delete', {organizationId}),
  };
  assert.deepEqual(Object.fromEntries(Object.entries(answers).map(([key, answer]) => [key, refusal(answer)])), {
    promoteSelf: [403, 'YOU_ARE_NOT_ALLOWED_TO_UPDATE_THIS_MEMBER'],
    demoteOwner: [403, 'YOU_ARE_NOT_ALLOWED_TO_UPDATE_THIS_MEMBER'],
    removeOwner: [403, 'YOU_ARE_NOT_ALLOWED_TO_DELETE_THIS_MEMBER'],
    removeOther: [403, 'YOU_ARE_NOT_ALLOWED_TO_DELETE_THIS_MEMBER'],
    removeByEmail: [403, 'YOU_ARE_NOT_ALLOWED_TO_DELETE_THIS_MEMBER'],
    invite: [403, 'YOU_ARE_NOT_ALLOWED_TO_INVITE_USERS_TO_THIS_ORGANIZATION'],
    revoke: [403, 'YOU_ARE_NOT_ALLOWED_TO_CANCEL_THIS_INVITATION'],
    update: [403, 'YOU_ARE_NOT_ALLOWED_TO_UPDATE_THIS_ORGANIZATION'],
    delete: [403, 'YOU_ARE_NOT_ALLOWED_TO_DELETE_THIS_ORGANIZATION'],
  });
  const {members} = (await owner.call(`/organization/list-members?organizationId=${organizationId}`)).body;
  assert.deepEqual(members.map((/** @type {any} */ m) => m.role).sort(), ['member', 'member', 'owner']);
  // Leaving is a member's own call.
  assert.equal((await second.call('/organization/leave', {organizationId})).status, 200);
});

test('a bearer-mode member is refused the same way', async () => {
  const {person, organization} = await server();
  const member = await person('Bea Bearer', {bearer: true});
  const {owner, organizationId, memberId} = await organization(member);
  assert.deepEqual(refusal(await member.call('/organization/remove-member', {memberIdOrEmail: memberId(owner), organizationId})), [403, 'YOU_ARE_NOT_ALLOWED_TO_DELETE_THIS_MEMBER']);
});

test('an admin cannot touch the owner or make owners', async () => {
  const {person, organization} = await server();
  const admin = await person('Ada Admin');
  const {owner, organizationId, memberId} = await organization(admin);
  await owner.call('/organization/update-member-role', {memberId: memberId(admin), role: 'admin', organizationId});
  assert.deepEqual(refusal(await admin.call('/organization/update-member-role', {memberId: memberId(owner), role: 'member', organizationId})), [403, 'YOU_ARE_NOT_ALLOWED_TO_UPDATE_THIS_MEMBER']);
  assert.deepEqual(refusal(await admin.call('/organization/update-member-role', {memberId: memberId(admin), role: 'owner', organizationId})), [403, 'YOU_ARE_NOT_ALLOWED_TO_UPDATE_THIS_MEMBER']);
  assert.deepEqual(refusal(await admin.call('/organization/invite-member', {email: 'boss@example.com', role: 'owner', organizationId})), [403, 'YOU_ARE_NOT_ALLOWED_TO_INVITE_USER_WITH_THIS_ROLE']);
  // better-auth alone: 400 YOU_CANNOT_LEAVE_THE_ORGANIZATION_AS_THE_ONLY_OWNER (organization-rules.js).
  assert.deepEqual(refusal(await admin.call('/organization/remove-member', {memberIdOrEmail: memberId(owner), organizationId})), [403, 'YOU_ARE_NOT_ALLOWED_TO_DELETE_THIS_MEMBER']);
  assert.deepEqual(refusal(await admin.call('/organization/delete', {organizationId})), [403, 'YOU_ARE_NOT_ALLOWED_TO_DELETE_THIS_ORGANIZATION']);
  assert.equal((await admin.call('/organization/invite-member', {email: 'new@example.com', role: 'member', organizationId})).status, 200);
});

test('an admin cannot remove an owner even when there are two (by id or by email); an owner can, and an admin removes members', async () => {
  const {person, organization} = await server();
  const [admin, second, member] = [await person('Ada Admin'), await person('Oscar Owner'), await person('Max Member')];
  const {owner, organizationId, memberId} = await organization(admin, second, member);
  await owner.call('/organization/update-member-role', {memberId: memberId(admin), role: 'admin', organizationId});
  await owner.call('/organization/update-member-role', {memberId: memberId(second), role: 'owner', organizationId});
  for (const memberIdOrEmail of [memberId(second), second.email, memberId(owner)]) {
    assert.deepEqual(refusal(await admin.call('/organization/remove-member', {memberIdOrEmail, organizationId})), [403, 'YOU_ARE_NOT_ALLOWED_TO_DELETE_THIS_MEMBER'], memberIdOrEmail);
  }
  assert.deepEqual(refusal(await admin.call('/organization/update-member-role', {memberId: memberId(second), role: 'member', organizationId})), [403, 'YOU_ARE_NOT_ALLOWED_TO_UPDATE_THIS_MEMBER']);
  assert.equal((await admin.call('/organization/remove-member', {memberIdOrEmail: memberId(member), organizationId})).status, 200);
  assert.equal((await owner.call('/organization/remove-member', {memberIdOrEmail: second.email, organizationId})).status, 200);
  const {members} = (await owner.call(`/organization/list-members?organizationId=${organizationId}`)).body;
  assert.deepEqual(members.map((/** @type {any} */ m) => m.role).sort(), ['admin', 'owner']);
});

test('a hostile organization name is stored and returned as that exact text, in every answer and the invitation email', async () => {
  const {mailbox, person, organization} = await server();
  const hostile = '<img src=x onerror=alert(1)>';
  const invitee = await person('Ivy Invited');
  const {owner, organizationId} = await organization();
  const created = await owner.call('/organization/create', {name: hostile, slug: 'hostile-name'});
  assert.equal(created.status, 200);
  assert.equal(created.body.name, hostile);
  assert.deepEqual(
    (await owner.call('/organization/list')).body.filter((/** @type {any} */ o) => o.slug === 'hostile-name').map((/** @type {any} */ o) => o.name),
    [hostile],
  );
  assert.equal((await owner.call(`/organization/get-full-organization?organizationId=${created.body.id}`)).body.name, hostile);
  const invited = await owner.call('/organization/invite-member', {email: invitee.email, role: 'member', organizationId: created.body.id});
  assert.equal((await invitee.call(`/organization/get-invitation?id=${invited.body.id}`)).body.organizationName, hostile);
  assert.equal(mailbox.list().at(-1).subject, `You are invited to ${hostile}`);
  // Renaming to it: the same.
  const renamed = await owner.call('/organization/update', {data: {name: `${hostile}"'&`}, organizationId});
  assert.equal(renamed.body.name, `${hostile}"'&`);
});

test('the last owner can neither leave, be removed nor be demoted, until there is another owner', async () => {
  const {person, organization} = await server();
  const member = await person('Max Member');
  const {owner, organizationId, memberId} = await organization(member);
  assert.deepEqual(refusal(await owner.call('/organization/leave', {organizationId})), [400, 'YOU_CANNOT_LEAVE_THE_ORGANIZATION_AS_THE_ONLY_OWNER']);
  assert.deepEqual(refusal(await owner.call('/organization/remove-member', {memberIdOrEmail: memberId(owner), organizationId})), [400, 'YOU_CANNOT_LEAVE_THE_ORGANIZATION_AS_THE_ONLY_OWNER']);
  assert.deepEqual(refusal(await owner.call('/organization/update-member-role', {memberId: memberId(owner), role: 'admin', organizationId})), [400, 'YOU_CANNOT_LEAVE_THE_ORGANIZATION_WITHOUT_AN_OWNER']);
  assert.equal((await owner.call('/organization/update-member-role', {memberId: memberId(member), role: 'owner', organizationId})).status, 200);
  assert.equal((await owner.call('/organization/leave', {organizationId})).status, 200);
  assert.deepEqual(refusal(await owner.call('/organization/get-active-member')), [400, 'NO_ACTIVE_ORGANIZATION']);
});

test('invitations: already a member, already invited (resend renews it), wrong account, unknown', async () => {
  const {person, organization} = await server();
  const [member, invitee, stranger] = [await person('Max Member'), await person('Ivy Invited'), await person('Sam Stranger')];
  const {owner, organizationId} = await organization(member);
  assert.deepEqual(refusal(await owner.call('/organization/invite-member', {email: member.email, role: 'member', organizationId})), [400, 'USER_IS_ALREADY_A_MEMBER_OF_THIS_ORGANIZATION']);
  assert.deepEqual(refusal(await owner.call('/organization/invite-member', {email: 'not an email', role: 'member', organizationId})), [400, 'INVALID_EMAIL']);
  const first = await owner.call('/organization/invite-member', {email: invitee.email, role: 'member', organizationId});
  assert.deepEqual(refusal(await owner.call('/organization/invite-member', {email: invitee.email, role: 'member', organizationId})), [400, 'USER_IS_ALREADY_INVITED_TO_THIS_ORGANIZATION']);
  const resent = await owner.call('/organization/invite-member', {email: invitee.email, role: 'member', organizationId, resend: true});
  assert.equal(resent.status, 200);
  assert.equal(resent.body.id, first.body.id);
  assert.deepEqual(refusal(await stranger.call(`/organization/get-invitation?id=${first.body.id}`)), [403, 'YOU_ARE_NOT_THE_RECIPIENT_OF_THE_INVITATION']);
  assert.deepEqual(refusal(await stranger.call('/organization/accept-invitation', {invitationId: first.body.id})), [403, 'YOU_ARE_NOT_THE_RECIPIENT_OF_THE_INVITATION']);
  const shown = await invitee.call(`/organization/get-invitation?id=${first.body.id}`);
  assert.equal(shown.status, 200);
  assert.deepEqual([shown.body.status, shown.body.organizationName, shown.body.inviterEmail], ['pending', 'Acme', owner.email]);
  // An unknown id: better-auth's answers (get's has no code).
  assert.deepEqual(await stranger.call('/organization/get-invitation?id=no-such-id'), {status: 400, body: {message: 'Invitation not found!'}});
  assert.deepEqual(refusal(await stranger.call('/organization/accept-invitation', {invitationId: 'no-such-id'})), [400, 'INVITATION_NOT_FOUND']);
  assert.deepEqual(refusal(await stranger.call('/organization/set-active', {organizationId})), [403, 'USER_IS_NOT_A_MEMBER_OF_THE_ORGANIZATION']);
  assert.deepEqual(refusal(await stranger.call(`/organization/list-members?organizationId=${organizationId}`)), [403, 'YOU_ARE_NOT_A_MEMBER_OF_THIS_ORGANIZATION']);
  assert.deepEqual(refusal(await owner.call('/organization/remove-member', {memberIdOrEmail: 'no-such-member', organizationId})), [400, 'MEMBER_NOT_FOUND']);
});

test('used, declined, revoked and expired invitations each say why (better-auth alone: INVITATION_NOT_FOUND for all)', async () => {
  const {person, organization, expire} = await server();
  const invitee = await person('Ivy Invited');
  const {owner, organizationId} = await organization();
  const invite = async () => (await owner.call('/organization/invite-member', {email: invitee.email, role: 'member', organizationId, resend: true})).body.id;

  const revoked = await invite();
  assert.equal((await owner.call('/organization/cancel-invitation', {invitationId: revoked})).status, 200);
  assert.equal((await owner.call('/organization/cancel-invitation', {invitationId: revoked})).status, 200); // again: no change
  assert.deepEqual(refusal(await invitee.call(`/organization/get-invitation?id=${revoked}`)), [400, 'INVITATION_CANCELED']);
  assert.deepEqual(refusal(await invitee.call('/organization/accept-invitation', {invitationId: revoked})), [400, 'INVITATION_CANCELED']);

  const declined = await invite();
  assert.equal((await invitee.call('/organization/reject-invitation', {invitationId: declined})).status, 200);
  assert.deepEqual(refusal(await invitee.call('/organization/accept-invitation', {invitationId: declined})), [400, 'INVITATION_ALREADY_USED']);

  const expired = await invite();
  await expire(expired);
  assert.deepEqual(refusal(await invitee.call(`/organization/get-invitation?id=${expired}`)), [400, 'INVITATION_EXPIRED']);
  assert.deepEqual(refusal(await invitee.call('/organization/accept-invitation', {invitationId: expired})), [400, 'INVITATION_EXPIRED']);
  assert.deepEqual(refusal(await invitee.call('/organization/reject-invitation', {invitationId: expired})), [400, 'INVITATION_EXPIRED']);
  // Resending an expired one makes a new invitation (a new id; the old link stays expired).
  const renewed = await invite();
  assert.notEqual(renewed, expired);
  assert.deepEqual(refusal(await invitee.call('/organization/accept-invitation', {invitationId: expired})), [400, 'INVITATION_EXPIRED']);
  assert.equal((await invitee.call('/organization/accept-invitation', {invitationId: renewed})).status, 200);
  assert.deepEqual(refusal(await invitee.call('/organization/accept-invitation', {invitationId: renewed})), [400, 'INVITATION_ALREADY_USED']);
  assert.deepEqual(refusal(await invitee.call(`/organization/get-invitation?id=${renewed}`)), [400, 'INVITATION_ALREADY_USED']);
  // better-auth alone would mark the accepted invitation canceled.
  assert.deepEqual(refusal(await owner.call('/organization/cancel-invitation', {invitationId: renewed})), [400, 'INVITATION_ALREADY_USED']);
});

test('a deleted organization leaves a dangling active organization: get-active-member says MEMBER_NOT_FOUND', async () => {
  const {person, organization} = await server();
  const member = await person('Max Member');
  const {owner, organizationId} = await organization(member);
  assert.equal((await owner.call('/organization/delete', {organizationId})).status, 200);
  assert.deepEqual(refusal(await member.call('/organization/get-active-member')), [400, 'MEMBER_NOT_FOUND']);
  assert.deepEqual((await member.call('/organization/list')).body, []);
  assert.deepEqual(refusal(await owner.call('/organization/get-active-member')), [400, 'NO_ACTIVE_ORGANIZATION']);
});

test('invitationUrl must hold an {id} placeholder; an integrator\'s own roles are what the capabilities list', async () => {
  assert.throws(() => authElementsOptions({sendEmail() {}, invitationUrl: '/invitation'}), ConfigurationError);
  const ac = createAccessControl({organization: ['update', 'delete'], member: ['create', 'update', 'delete'], invitation: ['create', 'cancel'], billing: ['manage']});
  const roles = {owner: ac.newRole({organization: ['update', 'delete'], billing: ['manage']}), admin: ac.newRole({member: ['update']}), member: ac.newRole({})};
  const auth = betterAuth(authElementsOptions({sendEmail() {}, baseURL: origin, database: new Database(':memory:'), organization: {ac, roles}, logger: {disabled: true}}));
  await (await getMigrations(auth.options)).runMigrations();
  const body = await (await auth.handler(new Request(`${origin}/api/auth/auth-elements/capabilities`))).json();
  assert.deepEqual(body.organizationRoles, {owner: ['billing:manage', 'organization:delete', 'organization:update'], admin: ['member:update'], member: []});
});
