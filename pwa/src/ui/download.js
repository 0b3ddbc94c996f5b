/** Saves a Blob the app fetched (a zip, a PDF) under `name`, as a download. @param {Blob} blob @param {string} name */
export function saveBlob(blob, name) {
  const link = Object.assign(document.createElement('a'), { href: URL.createObjectURL(blob), download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000); // the browser has taken it by then
}
