/**
 * Every message of a language in one object, for tests, the e2e specs and the relay's CSV
 * export. The app never uses it: it loads each namespace with the page that needs it. A section
 * split between namespaces (the few keys the shell or the floor needs early) is whole again here.
 */
export function wholeMessages<
  Common extends { auth: object; callRecords: object; profile: object },
  Floor extends { wall: object; thresholds: object; upstream: object },
  Wall extends { wall: object },
  Calls extends { callRecords: object; upstream: object },
  Admin extends { thresholds: object },
  Login extends { auth: object },
  Profile extends { profile: object },
  Outbound extends { upstream: object },
>(ns: {
  common: Common
  floor: Floor
  wall: Wall
  calls: Calls
  admin: Admin
  login: Login
  profile: Profile
  outbound: Outbound
}) {
  const { common, floor, wall, calls, admin, login, profile, outbound } = ns
  return {
    ...common,
    ...floor,
    ...wall,
    ...calls,
    ...admin,
    ...login,
    ...profile,
    ...outbound,
    auth: { ...common.auth, ...login.auth },
    wall: { ...floor.wall, ...wall.wall },
    thresholds: { ...floor.thresholds, ...admin.thresholds },
    callRecords: { ...common.callRecords, ...calls.callRecords },
    profile: { ...common.profile, ...profile.profile },
    upstream: { ...floor.upstream, ...calls.upstream, ...outbound.upstream },
  }
}
