import SearchOffRounded from '@mui/icons-material/SearchOffRounded'
import Button from '@mui/material/Button'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { MessageState } from '@/components/ui/message-state'

export function NotFoundRoute() {
  const { t } = useTranslation()
  return (
    <MessageState
      titleAs="h1"
      icon={<SearchOffRounded />}
      title={t('notFound.title')}
      action={
        <Button component={Link} to="/" variant="outlined">
          {t('notFound.back')}
        </Button>
      }
    />
  )
}
