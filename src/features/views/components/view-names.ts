import { createContext } from 'react'

/**
 * How a view's summary names departments: the app gives the floor's department names (the
 * views feature does not know the floor); without it, the saved key is shown as is.
 */
export const DeptNameContext = createContext<(key: string) => string>((key) => key)
