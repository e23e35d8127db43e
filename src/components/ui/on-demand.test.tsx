// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import { loadOnFirstDraw, popupOnDemand } from './on-demand'

afterEach(cleanup)

/** A module that arrives when the test says so, as a chunk from the server would. */
function deferredModule() {
  let arrive = () => {}
  const arrived = new Promise<void>((resolve) => (arrive = resolve))
  function Counter({ label }: { label: string }) {
    const [count, setCount] = useState(0)
    return (
      <button type="button" onClick={() => setCount((c) => c + 1)}>
        {label} {count}
      </button>
    )
  }
  return { load: () => arrived.then(() => Counter), arrive }
}

describe('loadOnFirstDraw', () => {
  it('shows nothing until the code arrives, then the component', async () => {
    const { load, arrive } = deferredModule()
    const Menu = loadOnFirstDraw(load)
    render(<Menu label="菜单" />)
    expect(screen.queryByRole('button')).toBeNull()
    await act(async () => arrive())
    expect(await screen.findByRole('button', { name: '菜单 0' })).toBeTruthy()
  })

  it('draws a preloaded component at its first render, with nothing missing meanwhile', async () => {
    const { load, arrive } = deferredModule()
    const Menu = loadOnFirstDraw(load)
    arrive()
    await Menu.preload()
    render(<Menu label="菜单" />)
    // No waiting: the first render already holds it.
    expect(screen.getByRole('button', { name: '菜单 0' })).toBeTruthy()
  })

  it('keeps the state of a component drawn before its code came', async () => {
    const { load, arrive } = deferredModule()
    const Menu = loadOnFirstDraw(load)
    const { rerender } = render(<Menu label="菜单" />)
    await act(async () => arrive())
    await userEvent.click(await screen.findByRole('button', { name: '菜单 0' }))
    rerender(<Menu label="菜单" />)
    expect(screen.getByRole('button', { name: '菜单 1' })).toBeTruthy()
  })

  it('tries again on the next draw when the code could not be fetched', async () => {
    let fail = true
    const { load, arrive } = deferredModule()
    const Menu = loadOnFirstDraw(() => (fail ? Promise.reject(new Error('offline')) : load()))
    await expect(Menu.preload()).rejects.toThrow('offline')
    fail = false
    arrive()
    await Menu.preload()
    render(<Menu label="菜单" />)
    expect(screen.getByRole('button', { name: '菜单 0' })).toBeTruthy()
  })
})

describe('popupOnDemand', () => {
  /** A popup as MUI draws one: nothing while closed, its content while open. */
  function popupModule() {
    let arrive = () => {}
    const arrived = new Promise<void>((resolve) => (arrive = resolve))
    let loads = 0
    function Popup({ open, label }: { open?: boolean; label: string }) {
      return open ? <div role="menu" aria-label={label} /> : null
    }
    return {
      load: () => {
        loads += 1
        return arrived.then(() => Popup)
      },
      arrive,
      loads: () => loads,
    }
  }

  it('draws nothing and asks for no code at its first render, while closed', () => {
    const { load, loads } = popupModule()
    const Popup = popupOnDemand(load)
    render(<Popup open={false} label="主题" />)
    expect(screen.queryByRole('menu')).toBeNull()
    expect(loads()).toBe(0)
  })

  it('opens at once when its code came while the page was idle', async () => {
    const { load, arrive } = popupModule()
    const Popup = popupOnDemand(load)
    const { rerender } = render(<Popup open={false} label="主题" />)
    arrive()
    await act(() => Popup.preload())
    rerender(<Popup open label="主题" />)
    expect(screen.getByRole('menu', { name: '主题' })).toBeTruthy()
    rerender(<Popup open={false} label="主题" />)
    expect(screen.queryByRole('menu')).toBeNull()
  })

  it('opens once its code arrives when opened before', async () => {
    const { load, arrive } = popupModule()
    const Popup = popupOnDemand(load)
    render(<Popup open label="语言" />)
    expect(screen.queryByRole('menu')).toBeNull()
    await act(async () => arrive())
    expect(await screen.findByRole('menu', { name: '语言' })).toBeTruthy()
  })
})
