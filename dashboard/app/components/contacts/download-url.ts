/**
 * The browser's address of an API download (`/api/contacts/...`, as the API names it): through the dashboard's
 * /backend-api proxy, which carries the session cookie the API accepts.
 */
export function browserDownloadUrl(apiPath: string): string {
  return apiPath.replace(/^\/api\//, '/backend-api/');
}
