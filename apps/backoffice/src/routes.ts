/** Paths of every screen of the back-office. */
export const ROUTES = {
  home: '/',
  login: '/login',
  forgotPassword: '/forgot-password',
  resetPassword: '/reset-password',
  users: '/users',
  calendar: '/calendar',
  audit: '/audit',
  outbox: '/outbox',
  profile: '/profile',
} as const;

export type RoutePath = (typeof ROUTES)[keyof typeof ROUTES];
