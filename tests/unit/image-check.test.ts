import { describe, expect, it } from 'vitest';
import { photoProblem, sniffPhoto } from '../../db/transfer/image-check';
import { qrPng, tinyJpeg } from '../support/images';

describe('photo bytes: JPEG/PNG with a decodable header only', () => {
  it('accepts a real JPEG and PNG', async () => {
    expect(photoProblem(tinyJpeg('a'))).toBeNull();
    expect(photoProblem(await qrPng('a'))).toBeNull();
    expect(sniffPhoto(tinyJpeg('a'))).toBe('image/jpeg');
  });

  it('refuses other formats, a wrong claimed type, and broken headers', async () => {
    const png = await qrPng('b');
    const jpeg = tinyJpeg('b');
    expect(photoProblem(Buffer.from('GIF89a......'))).toBe('不是 JPG 或 PNG 图片');
    expect(photoProblem(png, 'image/jpeg')).toContain('实为 image/png');
    const badCrc = Buffer.from(png);
    badCrc[20] = (badCrc[20] as number) ^ 1; // height changed, IHDR CRC no longer matches
    expect(photoProblem(badCrc)).toContain('校验失败');
    expect(photoProblem(png.subarray(0, png.length - 12))).toContain('不完整');
    const zeroSize = Buffer.from(jpeg);
    const sof = zeroSize.indexOf(Buffer.from([0xff, 0xc0]));
    zeroSize.writeUInt16BE(0, sof + 5);
    expect(photoProblem(zeroSize)).toBe('JPG 图像尺寸无效');
    expect(photoProblem(jpeg.subarray(0, sof + 4))).toBe('JPG 文件被截断');
    expect(photoProblem(Buffer.from([0xff, 0xd8, 0xff, 0xd9]))).toContain('缺少帧头');
  });
});
