import { configure } from '@testing-library/dom'

// Pages load on demand, and the server tests share the two cores with the component tests:
// `findBy…` waits up to this long (ms) instead of Testing Library's 1 s, which a loaded
// machine can exceed without anything being wrong.
configure({ asyncUtilTimeout: 5_000 })
