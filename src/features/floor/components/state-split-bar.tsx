import Box from '@mui/material/Box'
import { useTranslation } from 'react-i18next'
import { STATE_FAMILIES } from '@/shared/ac-state'
import { formatSeconds } from '@/lib/format'

/**
 * Today's time per state family as one thin stacked bar, in the floor's family colours and
 * order; its label (and hover text) says each family's time in words.
 */
export function StateSplitBar({ seconds }: { seconds: readonly number[] | null }) {
  const { t } = useTranslation()
  const total = seconds?.reduce((a, b) => a + b, 0) ?? 0
  if (!seconds || total <= 0) return <span aria-hidden>—</span>
  const parts = STATE_FAMILIES.flatMap((family, i) => {
    const sec = seconds[i] ?? 0
    return sec > 0 ? [{ family, sec }] : []
  })
  const label = t('floorTable.splitLabel', {
    parts: parts
      .map((p) =>
        t('floorTable.splitPart', {
          family: t(`families.${p.family}`),
          time: formatSeconds(p.sec),
        }),
      )
      .join(t('views.listSeparator')),
  })
  return (
    <Box
      role="img"
      aria-label={label}
      title={label}
      sx={{
        display: 'flex',
        width: '100%',
        height: 10,
        borderRadius: 0.5,
        overflow: 'hidden',
        border: 1,
        borderColor: 'divider',
      }}
    >
      {parts.map((p) => (
        <Box
          key={p.family}
          sx={(theme) => ({
            flexGrow: p.sec,
            flexBasis: 0,
            minWidth: 1,
            backgroundColor: theme.vars.palette.family[p.family].main,
          })}
        />
      ))}
    </Box>
  )
}
