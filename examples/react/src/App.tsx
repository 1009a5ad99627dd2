import type {} from 'auth-elements/react'; // JSX types for the auth-* tags
import 'auth-elements/define/auth-provider';
import 'auth-elements/define/auth-loading';
import 'auth-elements/define/auth-unavailable';
import 'auth-elements/define/auth-signed-out';
import 'auth-elements/define/auth-signed-in';
import 'auth-elements/define/auth-sign-in';
import 'auth-elements/define/auth-sign-up';
import 'auth-elements/define/auth-user-button';
import type {Appearance} from 'auth-elements';
import {useState, useSyncExternalStore} from 'react';

// A constant, so React doesn't hand the provider a new object on every render.
const appearance: Appearance = {variables: {colorPrimary: '#0f766e', borderRadius: '6px'}};

// The cards link to #sign-up and #sign-in; a router would do the same.
const onHashChange = (listener: () => void) => {
  addEventListener('hashchange', listener);
  return () => removeEventListener('hashchange', listener);
};

export function App() {
  const route = useSyncExternalStore(onHashChange, () => location.hash);
  const [name, setName] = useState('');
  return (
    // React 19 sets `appearance` as a property and listens for `auth-session-change`.
    <auth-provider
      api-url="/api/auth"
      appearance={appearance}
      onauth-session-change={(event) => setName(event.state.user?.name ?? '')}
    >
      <auth-loading />
      <auth-unavailable />
      <auth-signed-out>
        {route === '#sign-up' ? <auth-sign-up sign-in-url="#sign-in" /> : <auth-sign-in sign-up-url="#sign-up" />}
      </auth-signed-out>
      <auth-signed-in>
        <auth-user-button />
        <p>Signed in as {name}</p>
      </auth-signed-in>
    </auth-provider>
  );
}
