import { describe, expect, it } from 'vitest'
import { sniffImage } from '../../server/conversions/photos'

describe('photo type by content', () => {
  it('recognises JPEG, PNG and WebP by their first bytes, not by a name', () => {
    expect(sniffImage(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]))).toBe('image/jpeg')
    expect(sniffImage(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe('image/png')
    expect(sniffImage(Uint8Array.from([...Buffer.from('RIFF'), 1, 2, 3, 4, ...Buffer.from('WEBPVP8 ')]))).toBe(
      'image/webp',
    )
    expect(sniffImage(Uint8Array.from(Buffer.from('GIF89a......')))).toBeNull()
    expect(sniffImage(Uint8Array.from(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')))).toBeNull()
  })
})
