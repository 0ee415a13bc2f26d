import QRCode from 'qrcode';

const seg = (marker: number, body: Buffer) => {
  const head = Buffer.alloc(4);
  head.writeUInt16BE(0xff00 | marker, 0);
  head.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([head, body]);
};

/**
 * A real, decodable 1×1 grey baseline JPEG, made distinct by a comment segment holding `label`:
 * one DC and one AC Huffman code ('0' each), so the single block is "DC 0, end of block" = bits 00 (+ 1s).
 */
export function tinyJpeg(label: string): Buffer {
  const table = (cls: number) => Buffer.concat([Buffer.from([cls]), Buffer.from([1, ...Array<number>(15).fill(0)]), Buffer.from([0])]);
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    seg(0xe0, Buffer.from([0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00])),
    seg(0xfe, Buffer.from(label, 'utf8')),
    seg(0xdb, Buffer.concat([Buffer.from([0x00]), Buffer.alloc(64, 1)])),
    seg(0xc0, Buffer.from([0x08, 0x00, 0x01, 0x00, 0x01, 0x01, 0x01, 0x11, 0x00])),
    seg(0xc4, table(0x00)),
    seg(0xc4, table(0x10)),
    seg(0xda, Buffer.from([0x01, 0x01, 0x00, 0x00, 0x3f, 0x00])),
    Buffer.from([0x3f, 0xff, 0xd9]),
  ]);
}

/** A real PNG (a QR code of `text`), distinct per text. */
export function qrPng(text: string): Promise<Buffer> {
  return QRCode.toBuffer(text, { type: 'png', width: 120 });
}
