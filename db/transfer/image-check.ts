/**
 * What a photo really is, from its bytes: JPEG or PNG only, with a header a viewer can decode (JPEG: a
 * frame header with a real size before the image data; PNG: an IHDR chunk with a valid size, depth, colour
 * type and CRC, and the IEND chunk at the end). Nothing is re-encoded: a malformed photo is refused.
 */
export type PhotoMime = 'image/jpeg' | 'image/png';

export const PHOTO_EXT: Record<PhotoMime, string> = { 'image/jpeg': 'jpg', 'image/png': 'png' };

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The format its first bytes claim (magic bytes), or undefined. */
export function sniffPhoto(bytes: Buffer): PhotoMime | undefined {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return 'image/png';
  return undefined;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngProblem(b: Buffer): string | null {
  if (b.length < 8 + 25 + 12) return 'PNG 文件过短';
  if (b.readUInt32BE(8) !== 13 || b.subarray(12, 16).toString('latin1') !== 'IHDR') return 'PNG 文件缺少图像头（IHDR）';
  const width = b.readUInt32BE(16);
  const height = b.readUInt32BE(20);
  if (width === 0 || height === 0 || width > 0x7fffffff || height > 0x7fffffff) return 'PNG 图像尺寸无效';
  const depth = b[24] as number;
  const colour = b[25] as number;
  const depths: Record<number, number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };
  if (!depths[colour]?.includes(depth)) return 'PNG 图像头的颜色类型或位深无效';
  if (crc32(b.subarray(12, 29)) !== b.readUInt32BE(29)) return 'PNG 图像头校验失败（文件已损坏）';
  const end = b.subarray(b.length - 12);
  if (end.readUInt32BE(0) !== 0 || end.subarray(4, 8).toString('latin1') !== 'IEND') return 'PNG 文件不完整（缺少结尾）';
  return null;
}

/** Start-of-frame markers (baseline, progressive, lossless…), not DHT (C4), JPG (C8) or DAC (CC). */
const isSof = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;

function jpegProblem(b: Buffer): string | null {
  let i = 2;
  while (i + 2 <= b.length) {
    if (b[i] !== 0xff) return 'JPG 文件结构损坏';
    const marker = b[i + 1] as number;
    if (marker === 0xff) {
      i += 1; // fill byte
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2;
      continue;
    }
    if (marker === 0xd9) return 'JPG 文件没有图像尺寸（缺少帧头）';
    if (marker === 0xda) return 'JPG 文件在帧头之前出现图像数据';
    if (i + 4 > b.length) break;
    const length = b.readUInt16BE(i + 2);
    if (length < 2 || i + 2 + length > b.length) return 'JPG 文件被截断';
    if (isSof(marker)) {
      if (length < 11) return 'JPG 帧头无效';
      const height = b.readUInt16BE(i + 5);
      const width = b.readUInt16BE(i + 7);
      const components = b[i + 9] as number;
      if (width === 0 || height === 0) return 'JPG 图像尺寸无效';
      if (components < 1 || components > 4 || length !== 8 + 3 * components) return 'JPG 帧头无效';
      return null;
    }
    i += 2 + length;
  }
  return 'JPG 文件被截断';
}

/** Null for a JPEG or PNG whose header decodes; otherwise why not, in Chinese. */
export function photoProblem(bytes: Buffer, claimed?: string): string | null {
  const mime = sniffPhoto(bytes);
  if (!mime) return '不是 JPG 或 PNG 图片';
  if (claimed !== undefined && claimed !== mime) return `登记为 ${claimed}，实为 ${mime}`;
  return mime === 'image/png' ? pngProblem(bytes) : jpegProblem(bytes);
}
