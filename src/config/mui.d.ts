import '@mui/material/styles'
import type { FamilyPalette } from './family-palette'

declare module '@mui/material/styles' {
  interface Palette {
    family: FamilyPalette
  }
  interface PaletteOptions {
    family?: FamilyPalette
  }
  interface CssThemeVariables {
    enabled: true
  }
}
