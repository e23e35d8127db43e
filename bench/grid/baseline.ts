/*
 * The grid's baseline: the fastest this browser draws the same floor on these cores, with no
 * framework. A plain page keeps every agent in memory, draws only the tiles in view (as many,
 * and as large, as the app shows), applies the same rate of changes in the same batches by
 * setting text and classes directly, and ticks the timers each second. Measured with the same
 * probes as the app: frame times, long tasks, and event → tile painted (each change stamped
 * when it "happened", spread over the batch window as webhooks are, and painted at the frame
 * after it was put in the DOM).
 */

export interface BaselineLayout {
  agents: number
  ratePerSec: number
  batchMs: number
  /** Tiles in view in the app, and their size, px. */
  columns: number
  rows: number
  tileWidth: number
  tileHeight: number
}

/** The page, ready for `page.setContent`; `window.__bench` as the app's probes keep it. */
export function baselinePage(l: BaselineLayout): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><style>
  body { margin: 0; font: 13px system-ui, 'Noto Sans CJK SC', sans-serif; background: #f7f8fa; }
  #grid { display: grid; gap: 8px; padding: 8px;
    grid-template-columns: repeat(${l.columns}, ${l.tileWidth}px); grid-auto-rows: ${l.tileHeight}px; }
  .tile { box-sizing: border-box; border: 1px solid #ddd; border-left: 4px solid #2e7d32;
    border-radius: 6px; padding: 6px 10px; background: #edf7ed; overflow: hidden; }
  .tile .head { display: flex; justify-content: space-between; font-weight: 600; }
  .tile .name { font-size: 15px; font-weight: 700; margin-top: 2px; }
  .tile .line { color: #555; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
  .s-Available { background: #edf7ed; border-left-color: #2e7d32; }
  .s-InboundRinging { background: #fff4e5; border-left-color: #ed6c02; }
  .s-InboundTalking { background: #e8f1fb; border-left-color: #1565c0; }
  .s-Hold { background: #f5eefa; border-left-color: #7b1fa2; }
  .s-Acw { background: #e6f4f1; border-left-color: #00796b; }
  .s-Aux { background: #fdecea; border-left-color: #c62828; }
  .over { outline: 2px solid #c62828; }
</style></head><body><div id="grid"></div><script>
  const AGENTS = ${l.agents}, RATE = ${l.ratePerSec}, BATCH_MS = ${l.batchMs}
  const VISIBLE = ${l.columns * l.rows}
  const LABEL = { Available: '就绪', InboundRinging: '呼入振铃', InboundTalking: '呼入通话', Hold: '保持', Acw: '话后处理', Aux: '未就绪' }
  const STATES = Object.keys(LABEL)
  const b = window.__bench
  const start = Date.now()
  const agents = Array.from({ length: AGENTS }, (_, i) => ({
    id: String(5000 + i), name: '坐席' + (5000 + i), state: 'Available', since: start,
  }))
  const grid = document.getElementById('grid')
  const tiles = []
  for (let i = 0; i < VISIBLE && i < AGENTS; i++) {
    const el = document.createElement('div')
    el.innerHTML = '<div class="head"><span class="state"></span><span class="timer"></span></div>' +
      '<div class="name"></div><div class="line">售前咨询 · 会员专线</div><div class="line">客服一部</div>'
    const t = { el, state: el.querySelector('.state'), timer: el.querySelector('.timer') }
    el.querySelector('.name').textContent = agents[i].name + ' ' + agents[i].id
    grid.appendChild(el)
    tiles.push(t)
    draw(i)
  }
  function clock(ms) {
    const s = Math.max(0, Math.floor(ms / 1000))
    return String(Math.floor(s / 60)).padStart(2, '0') + ':' + String(s % 60).padStart(2, '0')
  }
  function draw(i) {
    const a = agents[i], t = tiles[i]
    t.el.className = 'tile s-' + a.state + (Date.now() - a.since > 300000 ? ' over' : '')
    t.state.textContent = LABEL[a.state]
    t.timer.textContent = clock(Date.now() - a.since)
  }
  let n = 0
  setInterval(() => {
    const now = Date.now()
    const painted = []
    const count = Math.round(RATE * BATCH_MS / 1000)
    for (let k = 0; k < count; k++) {
      n += 1
      const i = (n * 7919) % AGENTS
      const a = agents[i]
      a.state = STATES[(STATES.indexOf(a.state) + 1) % STATES.length]
      // Events reach the relay spread over the window; the batch brings them at its end.
      a.since = now - Math.random() * BATCH_MS
      if (i < tiles.length) {
        draw(i)
        painted.push(a.since)
      }
    }
    if (b.recording && painted.length > 0)
      requestAnimationFrame(() => requestAnimationFrame(() => {
        const at = Date.now()
        for (const since of painted) b.paints.push(at - since)
      }))
  }, BATCH_MS)
  setInterval(() => { for (let i = 0; i < tiles.length; i++) draw(i) }, 1000)
</script></body></html>`
}
