// The supervisor actions' names: the menu's and the audit log's.
export const ACTION_OP_LABELS = {
  listen: 'Listen',
  'stop-listen': 'Stop listening',
  join: 'Join',
  take: 'Take over',
  drop: 'Hang up',
  ready: 'Set ready',
  'not-ready': 'Set not ready',
  logout: 'Log out',
}
