import TvRounded from '@mui/icons-material/TvRounded'
import Button from '@mui/material/Button'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'

/** Opens the wall screen (`/wall`): the floor for a screen across the room. */
export function WallModeButton() {
  const { t } = useTranslation()
  return (
    <Button
      component={Link}
      to="/wall"
      size="small"
      variant="outlined"
      startIcon={<TvRounded />}
      sx={{ whiteSpace: 'nowrap' }}
    >
      {t('wall.open')}
    </Button>
  )
}
