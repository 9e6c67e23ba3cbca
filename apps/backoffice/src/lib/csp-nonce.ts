/**
 * The page's Content-Security-Policy allows styles from the app's own files and, for the one `<style>` element the
 * dialogs add while open (Radix's scroll lock, through react-style-singleton), the nonce the server put in
 * `<meta property="csp-nonce">` for this page load. react-style-singleton reads it from `__webpack_nonce__`.
 */
const meta = document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]');
// Browsers hide a nonce attribute from getAttribute once the policy is applied; the property keeps it.
const nonce = meta?.nonce || meta?.getAttribute('nonce');
if (nonce) (globalThis as { __webpack_nonce__?: string }).__webpack_nonce__ = nonce;

export {};
