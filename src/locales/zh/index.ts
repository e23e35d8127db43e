import { admin } from './admin'
import { calls } from './calls'
import { common } from './common'
import { floor } from './floor'
import { login } from './login'
import { outbound } from './outbound'
import { profile } from './profile'
import { wall } from './wall'
import { wholeMessages } from '../whole'

/** The messages by i18next namespace, as the app loads them. */
export const zhByNamespace = { common, floor, wall, calls, admin, login, profile, outbound }

/** Every Chinese message in one object (see `wholeMessages`). */
export const zh = wholeMessages(zhByNamespace)
export type Messages = typeof zh
