/**
 * Hands a file to the browser's download, from memory: the export was fetched with the token in
 * a header, so a plain link (which would need the token in its URL) is not an option.
 */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken its copy once click() returns; a minute is ample for slow machines.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
