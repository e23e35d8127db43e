// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { renderWithProviders } from '@/testing/render'
import { EmptyFloor } from './floor-states'

afterEach(cleanup)

describe('EmptyFloor', () => {
  it('tells a user with a scope that nobody is in it, not to check the callback URL', () => {
    renderWithProviders(<EmptyFloor scope="部门 1.9 · 全部技能组" />)
    expect(screen.getByText('你的范围内没有坐席')).toBeTruthy()
    expect(document.body.textContent).toContain('部门 1.9 · 全部技能组')
    expect(document.body.textContent).not.toMatch(/回调/)
  })

  it('points a whole-tenant user at the callback URL', () => {
    renderWithProviders(<EmptyFloor scope={null} />)
    expect(screen.queryByText('你的范围内没有坐席')).toBeNull()
    expect(document.body.textContent).toMatch(/回调/)
  })
})
