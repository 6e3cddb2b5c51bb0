// Width and height from the headers of the image formats the Studio uploads.

export interface ImageInfo {
  width: number;
  height: number;
  extension: string;
  mimeType: string;
}

export function readImageInfo(bytes: Buffer): ImageInfo | undefined {
  if (bytes.length >= 24 && bytes.readUInt32BE(0) === 0x89504e47) {
    return {
      width: bytes.readUInt32BE(16),
      height: bytes.readUInt32BE(20),
      extension: "png",
      mimeType: "image/png",
    };
  }
  if (bytes.length >= 10 && bytes.toString("latin1", 0, 3) === "GIF") {
    return {
      width: bytes.readUInt16LE(6),
      height: bytes.readUInt16LE(8),
      extension: "gif",
      mimeType: "image/gif",
    };
  }
  if (
    bytes.length >= 30 &&
    bytes.toString("latin1", 0, 4) === "RIFF" &&
    bytes.toString("latin1", 8, 12) === "WEBP"
  ) {
    return readWebp(bytes);
  }
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8) return readJpeg(bytes);
  return undefined;
}

function readWebp(bytes: Buffer): ImageInfo | undefined {
  const chunk = bytes.toString("latin1", 12, 16);
  const base = { extension: "webp", mimeType: "image/webp" };
  if (chunk === "VP8X")
    return { ...base, width: 1 + bytes.readUIntLE(24, 3), height: 1 + bytes.readUIntLE(27, 3) };
  if (chunk === "VP8 " && bytes.length >= 30)
    return {
      ...base,
      width: bytes.readUInt16LE(26) & 0x3fff,
      height: bytes.readUInt16LE(28) & 0x3fff,
    };
  if (chunk === "VP8L" && bytes.length >= 25) {
    const bits = bytes.readUInt32LE(21);
    return { ...base, width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
  }
  return undefined;
}

function readJpeg(bytes: Buffer): ImageInfo | undefined {
  let offset = 2;
  while (offset + 9 < bytes.length) {
    if (bytes[offset] !== 0xff) return undefined;
    const marker = bytes[offset + 1] ?? 0;
    const length = bytes.readUInt16BE(offset + 2);
    // Start-of-frame markers (baseline, progressive, …) carry the dimensions.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return {
        width: bytes.readUInt16BE(offset + 7),
        height: bytes.readUInt16BE(offset + 5),
        extension: "jpg",
        mimeType: "image/jpeg",
      };
    }
    offset += 2 + length;
  }
  return undefined;
}
