// React 19: the generated JSX types (auth-elements/react). scripts/check-types.mjs type-checks
// this file against the built package; the uses under each expect-error comment must fail.
import type {} from 'auth-elements/react';
import 'auth-elements/define/auth-provider';
import 'auth-elements/define/auth-sign-in';
import {useRef} from 'react';
import type {AuthClient, AuthErrorEvent, AuthSignedInEvent, AuthSignIn} from 'auth-elements';

export function SignInPage({client}: {client?: AuthClient}) {
  const signIn = useRef<AuthSignIn>(null);
  const signedIn = (event: AuthSignedInEvent) => console.log(event.user.name);
  return (
    <auth-provider
      api-url="/api/auth"
      client={client}
      mode="bearer"
      token-storage="session"
      appearance={{theme: 'dark', variables: {colorPrimary: '#0f766e'}}}
      onauth-session-change={(event) => event.state.status}
      onauth-error={(event) => event.error.code}
    >
      <auth-loading delay={200}></auth-loading>
      <auth-unavailable></auth-unavailable>
      <auth-signed-out>
        <auth-sign-in
          ref={signIn}
          className="card"
          sign-up-url="/x"
          after-sign-in-url="/y"
          locale="fr"
          localization={{fr: {signIn: {title: 'Bonjour'}}}}
          onauth-signed-in={(event) => event.user.email}
        />
        <auth-sign-up sign-in-url="/sign-in" onauth-signed-in={signedIn} onClick={(event) => event.clientX} />
      </auth-signed-out>
      <auth-signed-in>
        <auth-user-button after-sign-out-url="/" onauth-signed-out={(event) => event.type} />
        <auth-org-switcher hide-personal after-select-org-url="/orgs/:slug" create-org-mode="navigation" create-org-url="/orgs/new" />
        <auth-create-org after-create-org-url="/orgs/:slug" onauth-org-created={(event) => event.membership.organization.slug} />
        <auth-org-profile routing="hash" after-leave-org-url="/" />
        <auth-show permission="member:create" role="admin">
          <a href="/invite">Invite</a>
        </auth-show>
      </auth-signed-in>
      <auth-org-invitation after-accept-url="/orgs/:slug" onauth-invitation-accepted={(event) => event.membership.role} />
    </auth-provider>
  );
}

export function WrongUses() {
  return (
    <>
      {/* @ts-expect-error: not a mode */}
      <auth-provider mode="sideways" />
      {/* @ts-expect-error: no such appearance variable */}
      <auth-provider appearance={{variables: {colorPrimry: '#000'}}} />
      {/* @ts-expect-error: the event has no such field */}
      <auth-sign-in onauth-signed-in={(event) => event.nope} />
      {/* @ts-expect-error: auth-signed-in carries an AuthSignedInEvent, not an AuthErrorEvent */}
      <auth-sign-in onauth-signed-in={(event: AuthErrorEvent) => event.error} />
      {/* @ts-expect-error: no such prop (the attribute is sign-up-url) */}
      <auth-sign-in signUpURL="/x" />
      {/* @ts-expect-error: delay is a number */}
      <auth-loading delay="400" />
      {/* @ts-expect-error: client is an AuthClient */}
      <auth-provider client="/api/auth" />
      {/* @ts-expect-error: not a mode of the switcher */}
      <auth-org-switcher create-org-mode="popup" />
      {/* @ts-expect-error: auth-org-created carries the membership, not a user */}
      <auth-create-org onauth-org-created={(event) => event.user} />
      {/* @ts-expect-error: activeClient is read-only */}
      <auth-provider activeClient={undefined} />
    </>
  );
}
