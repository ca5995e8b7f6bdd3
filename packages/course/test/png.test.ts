import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodePng, inkShare } from './support/png.ts';

/** A tiny RGB PNG built by hand, each row with the given filter type. */
function png(width: number, rows: number[][], filter = 0): Buffer {
  const chunk = (type: string, body: Buffer): Buffer => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(body.length, 0);
    head.write(type, 4, 'latin1');
    return Buffer.concat([head, body, Buffer.alloc(4)]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(rows.length, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  const raw = Buffer.concat(rows.map((row) => Buffer.from([filter, ...row])));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

describe('the screenshot checker', () => {
  it('calls a uniform image blank', () => {
    const blank = decodePng(png(2, [[9, 9, 9, 9, 9, 9], [9, 9, 9, 9, 9, 9]]));
    expect(inkShare(blank)).toBe(0);
  });

  it('sees one differing pixel in four', () => {
    const image = decodePng(png(2, [[0, 0, 0, 0, 0, 0], [0, 0, 0, 200, 10, 10]]));
    expect(image.pixels.slice(12, 16)).toEqual(new Uint8Array([200, 10, 10, 255]));
    expect(inkShare(image)).toBe(0.25);
  });

  it('undoes the "sub" filter', () => {
    // With filter 1 each byte is stored as the difference from the pixel to its left.
    const image = decodePng(png(2, [[10, 20, 30, 5, 5, 5]], 1));
    expect([...image.pixels]).toEqual([10, 20, 30, 255, 15, 25, 35, 255]);
  });
});
