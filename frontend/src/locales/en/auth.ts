import type th from '../th/auth';

const en: typeof th = {
  auth: {
    signIn: 'Sign in',
    signOut: 'Sign out',
    title: 'Sign in',
    intro: 'For provincial officers, ministry planners and analysts. The national overview is open without signing in.',
    email: 'E-mail',
    password: 'Password',
    submit: 'Sign in',
    submitting: 'Signing in…',
    failed: 'Wrong e-mail or password. After repeated failures the account is locked for a while.',
    required: 'Enter your e-mail and password',
    expired: 'Your session has expired. Please sign in again.',
    signedOut: 'You have signed out.',
    signInAgain: 'Sign in again',
    backToOverview: 'Back to the overview',
    roles: {
      ADMIN: 'Administrator',
      PLANNER: 'Ministry planner',
      OFFICER: 'Provincial officer',
      ANALYST: 'Analyst',
    },
    forbidden: {
      title: 'You may not open this page',
      body: 'Your account ({role}) does not have access to this page. Ask an administrator if you need it.',
      anonymous: 'This page is for signed-in users only.',
      goHome: 'Go to my start page',
    },
  },
  nav: {
    main: 'Main menu',
    overview: 'Overview',
    workspace: 'Province report',
    approvals: 'Approvals',
  },
};

export default en;
