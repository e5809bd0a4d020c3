/**
 * A URL list: a text file whose non-blank lines, other than "#" comments, are all absolute
 * http(s) URLs. One line that is not a URL makes it an ordinary text file.
 */
export function parseUrlList(text: string): string[] | undefined {
  const urls: string[] = [];
  for (const raw of text.replace(/^\uFEFF/, "").split(/\r?\n/)) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    if (!isHttpUrl(line)) return undefined;
    urls.push(line);
  }
  return urls.length > 0 ? urls : undefined;
}

/** Whether the text's first non-blank, non-comment line is an http(s) URL: worth reading whole. */
export function mayBeUrlList(head: string): boolean {
  for (const raw of head.replace(/^\uFEFF/, "").split(/\r?\n/)) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    return isHttpUrl(line);
  }
  return false;
}

function isHttpUrl(line: string): boolean {
  if (!/^https?:\/\/\S+$/i.test(line)) return false;
  try {
    return new URL(line).hostname !== "";
  } catch {
    return false;
  }
}
