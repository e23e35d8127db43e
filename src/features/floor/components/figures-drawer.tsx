import Drawer from '@mui/material/Drawer'
import { useTranslation } from 'react-i18next'
import { FiguresColumn } from './figures-column'

/** On a narrow screen the figures slide in from the right, over the grid. */
export function FiguresDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  return (
    <Drawer
      anchor="right"
      open={open}
      onClose={onClose}
      slotProps={{
        paper: { 'aria-label': t('figures.title'), sx: { width: 'min(100%, 420px)' } },
      }}
    >
      <FiguresColumn />
    </Drawer>
  )
}
