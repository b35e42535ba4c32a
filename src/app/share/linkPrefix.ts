/** A shared state's link is the page's address with this fragment, then base64url JSON (sharedState.ts). */
export const LINK_PREFIX = '#mosx=';
