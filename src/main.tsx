import { i18nReady } from './lib/i18n' // first: every label below is translated
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/app'
import { prefetchSession } from './app/session'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root')

// Who is signed in, and the live link's code, are asked for now: both are here by the first render.
prefetchSession(location.pathname)

void i18nReady.then(() =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
)
