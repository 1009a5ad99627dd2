// Solid: the generated JSX types (auth-elements/solid). scripts/check-types.mjs type-checks
// this file against the built package; the uses under each expect-error comment must fail.
import type {} from 'auth-elements/solid';
import 'auth-elements/define/auth-provider';
import 'auth-elements/define/auth-sign-in';
import type {AuthErrorEvent, AuthSignIn} from 'auth-elements';

export function SignInPage() {
  let signIn: AuthSignIn | undefined;
  return (
    <auth-provider api-url="/api/auth" mode="bearer" prop:appearance={{theme: 'dark'}} on:auth-session-change={(event) => event.state.status}>
      <auth-signed-out>
        <auth-sign-in ref={signIn} class="card" sign-up-url="/x" after-sign-in-url="/y" on:auth-signed-in={(event) => event.user.email} />
      </auth-signed-out>
      <auth-signed-in>
        <auth-user-button after-sign-out-url="/" on:auth-error={(event) => event.error.code} />
      </auth-signed-in>
    </auth-provider>
  );
}

export function WrongUses() {
  return (
    <>
      {/* @ts-expect-error: not a mode */}
      <auth-provider mode="sideways" />
      {/* @ts-expect-error: the event has no such field */}
      <auth-sign-in on:auth-signed-in={(event) => event.nope} />
      {/* @ts-expect-error: auth-signed-in carries an AuthSignedInEvent, not an AuthErrorEvent */}
      <auth-sign-in on:auth-signed-in={(event: AuthErrorEvent) => event.error} />
      {/* @ts-expect-error: no such prop (the attribute is sign-up-url) */}
      <auth-sign-in signUpURL="/x" />
      {/* @ts-expect-error: delay is a number */}
      <auth-loading delay="400" />
    </>
  );
}
