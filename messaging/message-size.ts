/**
 * Chromium refuses a runtime message whose JSON is over 64 MiB ("exceeded maximum allowed size").
 * Until imports stream, a file is checked against that before it is sent, with some room left for
 * the envelope around the text.
 */
export const MESSAGE_LIMIT_BYTES = 64 * 1024 * 1024 - 64 * 1024;

/**
 * The bytes `text` takes inside a JSON message: its UTF-8 length plus the backslashes JSON adds
 * (quotes, backslashes and line breaks double; other control characters and lone surrogates
 * become six-byte \u escapes).
 */
export function jsonMessageBytes(text: string): number {
  let bytes = 2;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 || c === 0x5c || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x08 || c === 0x0c) bytes += 2;
    else if (c < 0x20) bytes += 6;
    else if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else if (c >= 0xd800 && c <= 0xdfff) bytes += 6;
    else bytes += 3;
  }
  return bytes;
}

/** True when a file of `fileBytes` bytes cannot fit, whatever its text: no need to read it. */
export function fileTooLarge(fileBytes: number, limit = MESSAGE_LIMIT_BYTES): boolean {
  // A UTF-8 byte-order mark (3 bytes) is dropped when decoding; every other byte stays at least one byte.
  return fileBytes - 3 > limit;
}
