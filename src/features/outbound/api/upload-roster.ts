import { useMutation, useQueryClient } from '@tanstack/react-query'
import {
  type RosterRefusal,
  type RosterUpload,
  rosterRefusalSchema,
  rosterUploadSchema,
} from '@/shared/outbound'
import { apiRequest, isApiError } from '@/lib/api-client'
import { ROSTER_UPLOADS_QUERY_KEY } from './get-roster-uploads'

export interface RosterUploadInput {
  file: File
  templateId: string
  alias: string
  dropDuplicates: boolean
}

/** Sends a call list to the platform through the relay, which checks it again first. */
export function uploadRoster(input: RosterUploadInput): Promise<RosterUpload> {
  const query = new URLSearchParams()
  if (input.templateId.trim()) query.set('templateId', input.templateId.trim())
  if (input.alias.trim()) query.set('alias', input.alias.trim())
  if (input.dropDuplicates) query.set('dropDuplicates', 'true')
  const form = new FormData()
  form.append('file', input.file, input.file.name)
  const qs = query.toString()
  return apiRequest(`/api/outbound/rosters${qs ? `?${qs}` : ''}`, {
    method: 'POST',
    form,
    schema: rosterUploadSchema,
  })
}

/** The relay's line-by-line refusal of a call list, when that is what an error is. */
export function rosterRefusalOf(error: unknown): RosterRefusal | null {
  if (!isApiError(error) || error.status !== 400) return null
  const parsed = rosterRefusalSchema.safeParse(error.body)
  return parsed.success ? parsed.data : null
}

export function useUploadRoster() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: uploadRoster,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ROSTER_UPLOADS_QUERY_KEY }),
  })
}
