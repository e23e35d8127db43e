// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import { loadOnFirstDraw } from './on-demand'

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
