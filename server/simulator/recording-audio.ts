import { AudioCache } from './audio-cache'
import { conversationWav, wavSamples } from './conversation-audio'
import { encodeMp3 } from './mp3-encode'

export type AudioFormat = 'wav' | 'mp3'

/**
 * The audio of a call's recording, made on first request and kept in a bounded LRU: the
 * two-track WAV (isWav=1) and, encoded from it, the one-track MP3 (isWav=0).
 */
export class RecordingAudio {
  private readonly cache: AudioCache

  constructor(maxBytes: number) {
    this.cache = new AudioCache(maxBytes)
  }

  get(callId: string, talkSeconds: number, format: AudioFormat): Promise<Buffer> {
    const wav = () => this.cache.get(`${callId}.wav`, () => conversationWav(callId, talkSeconds))
    if (format === 'wav') return wav()
    return this.cache.get(`${callId}.mp3`, async () => encodeMp3(wavSamples(await wav())))
  }

  get cached(): { files: number; bytes: number } {
    return this.cache.size
  }
}
