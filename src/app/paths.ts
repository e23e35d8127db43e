/** Pages more than one part of the app links to. */
export const PROFILE_PATH = '/profile'
