import ScienceRounded from '@mui/icons-material/ScienceRounded'
import Box from '@mui/material/Box'
import ButtonBase from '@mui/material/ButtonBase'
import Typography from '@mui/material/Typography'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { AuthConfig } from '@/shared/auth'

type DemoAccount = AuthConfig['demoAccounts'][number]

interface DemoAccountsProps {
  accounts: readonly DemoAccount[]
  onPick: (account: DemoAccount) => void
}

/** Demo mode only: the three demo accounts, each filling the form when clicked. */
export function DemoAccounts({ accounts, onPick }: DemoAccountsProps) {
  const { t } = useTranslation('login')
  const titleId = useId()
  return (
    <Box
      component="section"
      aria-labelledby={titleId}
      sx={{
        border: '1px dashed',
        borderColor: 'warning.main',
        borderRadius: 1,
        bgcolor: 'action.hover',
        px: 2,
        py: 1.5,
      }}
    >
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.75, mb: 0.25 }}>
        <ScienceRounded aria-hidden sx={{ fontSize: 18, color: 'warning.main' }} />
        <Typography id={titleId} variant="h3" component="h2">
          {t('auth.demoTitle')}
        </Typography>
      </Box>
      <Typography variant="caption" component="p" sx={{ color: 'text.secondary', mb: 1 }}>
        {t('auth.demoHint')}
      </Typography>
      <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0, display: 'grid', gap: 0.5 }}>
        {accounts.map((a) => {
          const role = t(`roles.${a.role}`)
          return (
            <li key={a.username}>
              <ButtonBase
                onClick={() => onPick(a)}
                aria-label={t('auth.demoUse', { username: a.username, role })}
                sx={{
                  width: '100%',
                  justifyContent: 'space-between',
                  gap: 2,
                  px: 1.25,
                  py: 0.75,
                  borderRadius: 1,
                  border: 1,
                  borderColor: 'divider',
                  bgcolor: 'background.paper',
                  fontSize: '0.875rem',
                  '&:hover': { borderColor: 'primary.main' },
                  '&.Mui-focusVisible': {
                    outline: 2,
                    outlineColor: 'primary.main',
                    outlineOffset: 1,
                  },
                }}
              >
                <Box
                  component="span"
                  sx={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' }}
                >
                  {a.username} / {a.password}
                </Box>
                <Box component="span" sx={{ color: 'text.secondary' }}>
                  {role}
                </Box>
              </ButtonBase>
            </li>
          )
        })}
      </Box>
    </Box>
  )
}
