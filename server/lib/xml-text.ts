/**
 * Code points XML 1.0 forbids (its `Char` production), lone surrogates included: one of them in a
 * DOCX makes Word and LibreOffice refuse the whole file, and in mail or other exports it breaks
 * parsers downstream, so text written out of the forum drops them.
 */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** The text without the code points XML 1.0 does not allow; everything else is kept as it is. */
export const xmlSafeText = (text: string): string => text.replace(NOT_XML_CHAR, '');
