// Characters XML 1.0 forbids (control characters but tab and line breaks, lone surrogates, U+FFFE and U+FFFF):
// strict parsers such as LibreOffice's reject a file holding any of them, so they are dropped.
// eslint-disable-next-line no-control-regex
const INVALID_XML_CHARACTERS = /[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

/** Text safe inside XML and SVG elements and attributes. */
export function escapeXml(text: string): string {
  return text.replace(INVALID_XML_CHARACTERS, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
