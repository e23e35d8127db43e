import Button from '@mui/material/Button'
import { useTranslation } from 'react-i18next'

interface ChangesWaitingProps {
  count: number
  onApply: () => void
}

/** "N changes waiting", floating over the grid's foot (it takes no room, so nothing shifts). */
export function ChangesWaiting({ count, onApply }: ChangesWaitingProps) {
  const { t } = useTranslation()
  if (count === 0) return null
  return (
    <Button
      variant="contained"
      size="small"
      onClick={onApply}
      title={t('floorOrder.heldHint')}
      sx={{
        position: 'absolute',
        bottom: 16,
        left: '50%',
        transform: 'translateX(-50%)',
        zIndex: 2,
        borderRadius: 999,
        px: 2,
        gap: 1,
        boxShadow: 4,
        whiteSpace: 'nowrap',
        fontVariantNumeric: 'tabular-nums',
      }}
    >
      <span>{t('floorOrder.changesWaiting', { count })}</span>
      <span aria-hidden>·</span>
      <span>{t('floorOrder.applyNow')}</span>
    </Button>
  )
}
