import type { Page } from '@playwright/test'

/** A piece of text the reader cannot see whole: what it says and why. */
export interface Overflow {
  text: string
  /** `wider`/`taller`: the text needs more room than its box; `clipped`: a box around it cuts it. */
  why: 'wider' | 'taller' | 'clipped'
  by: number
}

/**
 * Every visible piece of text on the page that does not fit its box: its box's content is wider
 * (or taller) than the box, or an ancestor that hides overflow cuts into it. Text scrolled out
 * of view in a scrolling list is not cut, and neither is text outside the window.
 */
export function textOverflows(page: Page, root = 'body'): Promise<Overflow[]> {
  return page.evaluate((rootSelector) => {
    const TOLERANCE = 1 // px: sub-pixel rounding
    const found = new Map<
      Element,
      { text: string; why: 'wider' | 'taller' | 'clipped'; by: number }
    >()
    const rootEl = document.querySelector(rootSelector) ?? document.body
    const walker = document.createTreeWalker(rootEl, NodeFilter.SHOW_TEXT)
    // Styles are read once per element: a 4K floor has thousands of labels sharing ancestors.
    const styles = new Map<Element, CSSStyleDeclaration>()
    const getComputedStyle = (el: Element) => {
      let s = styles.get(el)
      if (!s) styles.set(el, (s = window.getComputedStyle(el)))
      return s
    }
    const checked = new Set<Element>()
    const visible = (el: Element) => {
      const s = getComputedStyle(el)
      if (s.visibility === 'hidden' || s.display === 'none' || Number(s.opacity) === 0) return false
      return (
        el.getClientRects().length > 0 && !el.closest('[aria-hidden="true"], .MuiTooltip-popper')
      )
    }
    const inWindow = (r: DOMRect) =>
      r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim()
      if (!text) continue
      let el = node.parentElement
      if (!el || !visible(el) || el.closest('input, textarea, script, style')) continue
      // The box the text is laid out in: inline elements have none of their own.
      while (el && getComputedStyle(el).display.startsWith('inline') && el.parentElement)
        el = el.parentElement
      if (!el || checked.has(el)) continue
      checked.add(el)
      // Read by screen readers only (a 1-px clipped heading): nothing to see, nothing to cut.
      const own = el.getBoundingClientRect()
      if (own.width <= 1 || own.height <= 1) continue
      const range = document.createRange()
      range.selectNodeContents(node)
      const r = range.getBoundingClientRect()
      if (r.width === 0 || !inWindow(r)) continue
      const label = el.innerText?.trim().replace(/\s+/g, ' ').slice(0, 60) || text
      const wider = el.scrollWidth - el.clientWidth
      const style = getComputedStyle(el)
      if (wider > TOLERANCE && el.clientWidth > 0) {
        found.set(el, { text: label, why: 'wider', by: wider })
        continue
      }
      const taller = el.scrollHeight - el.clientHeight
      // Taller than its box: cut when the box hides it, spilt over what is below when more
      // than half a line sticks out (a glyph's descent past a tight line height is neither).
      const hidesY = style.overflowY === 'hidden' || style.overflowY === 'clip'
      const lineHeight = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.2
      const spills = hidesY ? taller > TOLERANCE : taller > lineHeight / 2
      if (
        spills &&
        el.clientHeight > 0 &&
        style.overflowY !== 'auto' &&
        style.overflowY !== 'scroll'
      ) {
        found.set(el, { text: label, why: 'taller', by: taller })
        continue
      }
      // Cut by an ancestor that hides what overflows it (a scrolling one only moves it).
      for (let a = el.parentElement; a && a !== document.documentElement; a = a.parentElement) {
        const s = getComputedStyle(a)
        const hidesX = s.overflowX === 'hidden' || s.overflowX === 'clip'
        const hidesY = s.overflowY === 'hidden' || s.overflowY === 'clip'
        if (
          s.overflowX === 'auto' ||
          s.overflowX === 'scroll' ||
          s.overflowY === 'auto' ||
          s.overflowY === 'scroll'
        )
          break
        if (!hidesX && !hidesY) continue
        const b = a.getBoundingClientRect()
        const cut = Math.max(
          hidesX ? b.left - r.left : 0,
          hidesX ? r.right - b.right : 0,
          hidesY ? b.top - r.top : 0,
          hidesY ? r.bottom - b.bottom : 0,
        )
        if (cut > TOLERANCE) {
          found.set(el, { text: label, why: 'clipped', by: cut })
          break
        }
      }
    }
    return [...found.values()].map((o) => ({ ...o, by: Math.round(o.by) }))
  }, root)
}
