/**
 * Copies text; resolves false when the browser refused (no clipboard API outside HTTPS or
 * localhost, or a kiosk policy), so the caller can ask the user to copy by hand.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (globalThis.navigator?.clipboard) {
      await navigator.clipboard.writeText(text)
      return true
    }
  } catch {
    // Fall through to the old way.
  }
  if (typeof document === 'undefined') return false
  const area = document.createElement('textarea')
  area.value = text
  area.setAttribute('readonly', '')
  area.style.position = 'fixed'
  area.style.opacity = '0'
  document.body.appendChild(area)
  area.select()
  try {
    // Deprecated but still the only way over plain HTTP on a LAN address.
    return document.execCommand('copy')
  } catch {
    return false
  } finally {
    area.remove()
  }
}
