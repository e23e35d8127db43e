import LockRounded from '@mui/icons-material/LockRounded'
import Button from '@mui/material/Button'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { MessageState } from '@/components/ui/message-state'
import { useCurrentUser } from '@/features/auth/hooks/use-current-user'

/** A page the role may not open: said kindly, with the way back. */
export function ForbiddenRoute() {
  const { t } = useTranslation()
  const me = useCurrentUser()
  return (
    <MessageState
      titleAs="h1"
      icon={<LockRounded />}
      title={t('forbidden.title')}
      body={t('forbidden.body', { role: t(`roles.${me.role}`) })}
      action={
        <Button component={Link} to="/" variant="outlined">
          {t('forbidden.back')}
        </Button>
      }
    />
  )
}
