import { useQuery } from '@tanstack/react-query'
import { useEffect, useRef } from 'react'
import { pastFloorQueryOptions } from '../api/get-past-floor'
import { useLiveFloorStore } from '../stores/floor-store'
import { useReplayStore } from '../stores/replay-store'

const PLAY_STEP_MS = 1_000 // the played floor is asked again once a second, whatever the speed

/** The live floor's server clock now, epoch ms: where playing on stops and the floor goes live. */
export function liveServerNow(): number {
  const live = useLiveFloorStore.getState()
  return Date.now() + (live.hasOffset ? live.offset : 0)
}

// An open dialog, menu or picker takes Esc for itself (it closes first).
const ESC_TAKEN = '.MuiModal-root:not(.MuiModal-hidden), .MuiPickerPopper-root'

/**
 * Drives a look back: asks the relay for the floor at the shown moment and hands it to the
 * replay store; while playing, moves the moment on once a second by the speed, but only when
 * the last answer is in (never two requests at once), and goes live on reaching now. Esc goes
 * back to live; leaving the floor does too. Mounted once, by the floor screen.
 */
export function useReplayDriver(): { error: unknown; loading: boolean } {
  const at = useReplayStore((s) => s.at)
  const playing = useReplayStore((s) => s.playing)
  const query = useQuery({ ...pastFloorQueryOptions(at ?? 0), enabled: at !== null })
  const { data, isPlaceholderData, isFetching, isError } = query

  useEffect(() => {
    if (data && !isPlaceholderData) useReplayStore.getState().show(data)
  }, [data, isPlaceholderData])

  // A refused moment stops the play there.
  useEffect(() => {
    if (isError) useReplayStore.getState().pause()
  }, [isError])

  const fetching = useRef(isFetching)
  useEffect(() => {
    fetching.current = isFetching
  }, [isFetching])
  useEffect(() => {
    if (!playing) return
    const timer = setInterval(() => {
      if (fetching.current) return
      const s = useReplayStore.getState()
      if (s.at === null) return
      const next = s.at + s.speed * 1_000
      if (next >= liveServerNow()) s.backToLive()
      else s.advanceTo(next)
    }, PLAY_STEP_MS)
    return () => clearInterval(timer)
  }, [playing])

  const replaying = at !== null
  useEffect(() => {
    if (!replaying) return
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented || document.querySelector(ESC_TAKEN)) return
      useReplayStore.getState().backToLive()
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [replaying])

  // The wall and the other pages read the floor store too: they show the live floor.
  useEffect(() => () => useReplayStore.getState().backToLive(), [])

  return { error: replaying && isError ? query.error : null, loading: replaying && isFetching }
}
