import Box from '@mui/material/Box'
import { useTranslation } from 'react-i18next'

const MAX_DOTS = 12 // more dots than this run off a narrow screen and say no more than the number

/** "第 2 / 5 页" with a dot per page, the current one filled: which part of the floor is up. */
export function PageIndicator({ page, pages }: { page: number; pages: number }) {
  const { t } = useTranslation('wall')
  if (pages <= 1) return null
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: '1vh', whiteSpace: 'nowrap' }}>
      <Box
        data-page-indicator
        sx={{ fontSize: 'max(16px, 2.6vh)', fontWeight: 700, fontVariantNumeric: 'tabular-nums' }}
      >
        {t('wall.page', { page: page + 1, pages })}
      </Box>
      {pages <= MAX_DOTS && (
        <Box aria-hidden sx={{ display: 'flex', gap: '0.6vh' }}>
          {Array.from({ length: pages }, (_, i) => (
            <Box
              key={i}
              sx={{
                width: '1.3vh',
                height: '1.3vh',
                minWidth: 8,
                minHeight: 8,
                borderRadius: '50%',
                border: '2px solid',
                borderColor: 'text.secondary',
                bgcolor: i === page ? 'text.primary' : 'transparent',
              }}
            />
          ))}
        </Box>
      )}
    </Box>
  )
}
