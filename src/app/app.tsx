import { useEffect, useState } from 'react'
import { RouterProvider } from 'react-router/dom'
import { AppProvider } from './provider'
import { createAppRouter } from './router'
import { installSession } from './session'
import { installSettingsSync } from './settings-sync'

export function App() {
  const [router] = useState(createAppRouter)
  // A lost session (any 401, or the live link told so) sends the page to sign-in.
  useEffect(() => installSession(router), [router])
  // Thresholds an admin changes reach every open screen without a reload.
  useEffect(() => installSettingsSync(), [])
  return (
    <AppProvider>
      <RouterProvider router={router} />
    </AppProvider>
  )
}
