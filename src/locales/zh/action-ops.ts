// The supervisor actions' names: the menu's and the audit log's.
export const ACTION_OP_LABELS = {
  listen: '监听',
  'stop-listen': '停止监听',
  join: '强插',
  take: '接管',
  drop: '强拆',
  ready: '强制就绪',
  'not-ready': '强制离席',
  logout: '强制签出',
}
