import { redirect } from '@remix-run/node';

// The home of a signed-in user; the identity issue sends signed-out visitors to /login instead.
export function loader() {
  return redirect('/dashboard');
}
