// SHA-256 in hex through Web Crypto, which Node and Workers both have: report ids from content,
// the stored copy's change check, and Zalo's event MAC all hash this one way.

/** The SHA-256 of the text's UTF-8 bytes, as lower-case hex (64 characters). */
export async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}
