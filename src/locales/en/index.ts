import { admin } from './admin'
import { calls } from './calls'
import { common } from './common'
import { floor } from './floor'
import { login } from './login'
import { profile } from './profile'
import { wall } from './wall'

/** The messages by i18next namespace, as the app loads them. */
export const enByNamespace = { common, floor, wall, calls, admin, login, profile }

/**
 * Every English message in one object, for tests, the e2e specs and the relay's CSV export.
 * The app never imports this: it loads each namespace with the page that needs it.
 * A section split between namespaces (the few keys the shell or the floor needs early) is
 * whole again here.
 */
export const en = {
  ...common,
  ...floor,
  ...wall,
  ...calls,
  ...admin,
  ...login,
  ...profile,
  auth: { ...common.auth, ...login.auth },
  wall: { ...floor.wall, ...wall.wall },
  thresholds: { ...floor.thresholds, ...admin.thresholds },
  callRecords: { ...common.callRecords, ...calls.callRecords },
  profile: { ...common.profile, ...profile.profile },
  upstream: { ...floor.upstream, ...calls.upstream },
}
