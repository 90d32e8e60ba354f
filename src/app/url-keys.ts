/**
 * The features' URL hooks (src/store/url/field-codecs.ts), registered once: src/main.tsx imports this before it
 * decodes the page's link, and so does the test setup (vite.config.ts `test.setupFiles`).
 */
import '../byod/url-key';
import '../lab/url-key';
