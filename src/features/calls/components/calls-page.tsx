import Box from '@mui/material/Box'
import Tab from '@mui/material/Tab'
import Tabs from '@mui/material/Tabs'
import Typography from '@mui/material/Typography'
import { useTranslation } from 'react-i18next'
import { useListSearch } from '../hooks/use-list-search'
import type { ListTab } from '../utils/list-search'
import { DatesProvider } from '@/components/ui/dates-provider'
import { RecordsTab } from './records-tab'

/**
 * `/calls`: the tenant's call records (§4.5) and robot calls (§4.6), queried by range and
 * numbers, paged by the relay. The URL holds the whole view.
 */
export function CallsPage() {
  const { t } = useTranslation('calls')
  const [search, update] = useListSearch()
  // Until today's range is in the URL, nothing to show (a moment, on a bare `/calls`).
  const ready = search.from !== '' || search.to !== ''
  return (
    <DatesProvider>
      <Box sx={{ height: '100%', overflow: 'auto' }}>
        <Box
          sx={{
            minHeight: '100%',
            display: 'flex',
            flexDirection: 'column',
            gap: 1.5,
            px: { xs: 2, md: 3 },
            pt: 2,
            pb: 3,
          }}
        >
          <Typography variant="h1" component="h1">
            {t('callRecords.title')}
          </Typography>
          <Tabs
            value={search.tab}
            onChange={(_, tab: ListTab) => update({ tab, page: 1, half: null })}
            aria-label={t('callRecords.tabsLabel')}
            sx={{ borderBottom: 1, borderColor: 'divider', minHeight: 40 }}
          >
            <Tab value="calls" label={t('callRecords.tabCalls')} sx={{ minHeight: 40 }} />
            <Tab value="robot" label={t('callRecords.tabRobot')} sx={{ minHeight: 40 }} />
          </Tabs>
          {ready && (
            <RecordsTab key={search.tab} tab={search.tab} search={search} update={update} />
          )}
        </Box>
      </Box>
    </DatesProvider>
  )
}
