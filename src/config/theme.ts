import { createTheme, type Theme } from '@mui/material/styles'
import { enUS, zhCN } from '@mui/material/locale'
import type { Language } from '@/lib/i18n'
import { FAMILY_PALETTE } from './family-palette'

// System fonts only: wall screens may have no internet, and CJK web fonts weigh megabytes.
const FONT_STACK = [
  'system-ui',
  '-apple-system',
  '"Segoe UI"',
  'Roboto',
  '"PingFang SC"',
  '"Hiragino Sans GB"',
  '"Microsoft YaHei"',
  '"Noto Sans CJK SC"',
  '"Noto Sans SC"',
  '"Helvetica Neue"',
  'Arial',
  'sans-serif',
].join(',')

/** The console's theme: light and dark schemes as CSS variables, switched without re-rendering. */
export function createAppTheme(language: Language): Theme {
  return createTheme(
    {
      cssVariables: { colorSchemeSelector: 'data-color-scheme' },
      colorSchemes: {
        light: {
          palette: {
            primary: { main: '#3D5BD9' },
            background: { default: '#F3F5F8', paper: '#FFFFFF' },
            text: { primary: '#1B2230', secondary: '#5A6475' },
            divider: 'rgba(27, 34, 48, 0.12)',
            family: FAMILY_PALETTE.light,
          },
        },
        dark: {
          palette: {
            primary: { main: '#8FA4FF' },
            background: { default: '#0E1218', paper: '#151B23' },
            text: { primary: '#E6EAF0', secondary: '#9AA4B2' },
            divider: 'rgba(230, 234, 240, 0.12)',
            family: FAMILY_PALETTE.dark,
          },
        },
      },
      shape: { borderRadius: 8 },
      focusVisible: true,
      typography: {
        fontFamily: FONT_STACK,
        fontSize: 14,
        h1: { fontSize: '1.125rem', fontWeight: 600 },
        h2: { fontSize: '1rem', fontWeight: 600 },
        h3: { fontSize: '0.875rem', fontWeight: 600 },
        button: { textTransform: 'none', fontWeight: 500 },
        overline: { letterSpacing: '0.06em', fontWeight: 600 },
      },
      components: {
        MuiAppBar: { defaultProps: { elevation: 0, color: 'inherit' } },
        MuiPaper: { defaultProps: { elevation: 0 } },
        MuiTooltip: { defaultProps: { arrow: true } },
        MuiButtonBase: { defaultProps: { disableRipple: false } },
        MuiCssBaseline: {
          styleOverrides: {
            'html, body, #root': { height: '100%' },
            body: { WebkitFontSmoothing: 'antialiased' },
          },
        },
      },
    },
    language === 'zh' ? zhCN : enUS,
  )
}
