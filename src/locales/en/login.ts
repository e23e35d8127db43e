import type { English } from '../english'
import type { LoginMessages } from '../zh/login'

/** English: the sign-in page. */
export const login: English<LoginMessages> = {
  auth: {
    title: 'Sign in',
    subtitle: 'Sign in to watch the live floor',
    formLabel: 'Sign-in form',
    username: 'User name',
    password: 'Password',
    showPassword: 'Show password',
    hidePassword: 'Hide password',
    submit: 'Sign in',
    submitting: 'Signing in…',
    usernameRequired: 'Enter your user name',
    passwordRequired: 'Enter your password',
    badCredentials: 'Wrong user name or password.',
    disabled: 'This account has been disabled. Ask an administrator.',
    throttled: 'Too many failed sign-ins. Try again in {{count}} min.',
    network: 'The server could not be reached. Check the network and try again.',
    failed: 'Sign-in failed: {{message}}',
    kioskInvalid: 'This wall-screen link is no longer valid. Ask an administrator for a new one.',
    reasonExpired: 'Your session has expired. Sign in again.',
    reasonDisabled: 'This account has been disabled. Ask an administrator.',
    reasonEnded:
      'Your session has ended (signed out elsewhere, or your password or role changed). Sign in again.',
    demoTitle: 'Demo accounts',
    demoHint: 'Click an account to fill in the form',
    demoUse: 'Use the demo account {{username}} ({{role}})',
  },
}
