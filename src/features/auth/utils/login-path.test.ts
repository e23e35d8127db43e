import { describe, expect, it } from 'vitest'
import { loginPath, safeNext } from './login-path'

describe('login paths', () => {
  it('remembers where the user was, and why they are signing in', () => {
    expect(loginPath({ next: '/admin/users?tab=1', reason: 'expired' })).toBe(
      '/login?next=%2Fadmin%2Fusers%3Ftab%3D1&reason=expired',
    )
    expect(loginPath({ next: '/' })).toBe('/login')
    expect(loginPath({ kioskInvalid: true })).toBe('/login?kiosk=invalid')
  })

  it('follows only paths on this site, and never back to sign-in', () => {
    expect(safeNext('/wall')).toBe('/wall')
    for (const bad of [
      '//evil.example/',
      '/\\evil.example',
      'https://evil.example',
      'x',
      null,
      '/login?next=/',
    ])
      expect(safeNext(bad)).toBe('/')
  })
})
