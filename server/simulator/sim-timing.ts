/** A duration drawn uniformly from [min, max], simulated ms. */
export interface Span {
  minMs: number
  maxMs: number
}

/**
 * How long things take on the simulated floor, simulated ms. Chosen to look like a busy
 * consumer hotline: an inbound call costs an agent about 2.8 min (ring 5 s, talk 2 min,
 * hold now and then, wrap-up 37 s), and callers wait about 45 s before giving up.
 */
export interface SimTiming {
  /** Logins at start are spread over this window, so the floor fills within seconds. */
  loginSpreadMs: number
  /** Share of agents that stay logged out at start (they log in later in the day). */
  startLoggedOutShare: number
  /** Share of logins that go to Aux first, then Available after `loginAux`. */
  loginViaAuxShare: number
  loginAux: Span
  /** Welcome prompt before the call queues. */
  ivr: Span
  /** Agent's phone rings before answering. */
  ring: Span
  /** Share of offered calls the agent lets ring out; the call goes back to the queue. */
  ringNoAnswerShare: number
  /** How long a ring-out rings before the platform takes the call back. */
  ringTimeoutMs: number
  /** Break an agent takes after letting a call ring out. */
  ringOutAux: Span
  /** Talk time: `talkMinMs` + exponential with mean `talkMeanMs - talkMinMs`. */
  talkMeanMs: number
  talkMinMs: number
  /** Share of answered calls put on hold once. */
  holdShare: number
  hold: Span
  acw: Span
  /** Mean patience of a queued caller (exponential). */
  patienceMeanMs: number
  /** Share of customers who hang up first (the agent hangs up the rest). */
  customerHangupShare: number
  /** Manual outbound: the customer's phone rings this long before answer or giving up. */
  outboundRing: Span
  outboundAnswerShare: number
  outboundTalkMeanMs: number
  /** A double call to the extension of a busy or logged-out agent fails after this long. */
  deviceBusy: Span
  /** Mean time between an agent's breaks, and mean break length (exponential, floored). */
  breakEveryMeanMs: number
  breakMeanMs: number
  breakMinMs: number
  /** How long an agent a supervisor forced NotReady stays in Aux before readying itself. */
  forcedAux: Span
  /** Mean time an agent stays logged in before logging out, and stays out. */
  logoutEveryMeanMs: number
  loggedOutMeanMs: number
}

const SECOND = 1_000
const MINUTE = 60 * SECOND

export const DEFAULT_TIMING: SimTiming = {
  loginSpreadMs: 5 * SECOND,
  startLoggedOutShare: 0.1,
  loginViaAuxShare: 0.3,
  loginAux: { minMs: 2 * SECOND, maxMs: 10 * SECOND },
  ivr: { minMs: 2 * SECOND, maxMs: 6 * SECOND },
  ring: { minMs: 2 * SECOND, maxMs: 8 * SECOND },
  ringNoAnswerShare: 0.03,
  ringTimeoutMs: 15 * SECOND,
  ringOutAux: { minMs: 20 * SECOND, maxMs: 60 * SECOND },
  talkMeanMs: 2 * MINUTE,
  talkMinMs: 10 * SECOND,
  holdShare: 0.2,
  hold: { minMs: 10 * SECOND, maxMs: 40 * SECOND },
  acw: { minMs: 15 * SECOND, maxMs: 60 * SECOND },
  patienceMeanMs: 45 * SECOND,
  customerHangupShare: 0.7,
  outboundRing: { minMs: 5 * SECOND, maxMs: 25 * SECOND },
  outboundAnswerShare: 0.65,
  outboundTalkMeanMs: 90 * SECOND,
  deviceBusy: { minMs: 1 * SECOND, maxMs: 3 * SECOND },
  breakEveryMeanMs: 45 * MINUTE,
  breakMeanMs: 5 * MINUTE,
  breakMinMs: 1 * MINUTE,
  forcedAux: { minMs: 2 * MINUTE, maxMs: 6 * MINUTE },
  logoutEveryMeanMs: 4 * 60 * MINUTE,
  loggedOutMeanMs: 20 * MINUTE,
}
