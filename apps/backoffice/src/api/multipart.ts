/** A multipart body for openapi-fetch: the FormData goes as it is (the browser sets the boundary). */
export function multipart(file: File, type: string) {
  const form = new FormData();
  form.append('type', type);
  form.append('file', file);
  return {
    body: form as unknown as { file: string; type: string },
    bodySerializer: (body: unknown) => body as FormData,
  };
}
