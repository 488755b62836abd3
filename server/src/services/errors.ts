/** Errors the routes turn into HTTP answers, with a French message for the person at the screen. */
export class PortalError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 429 | 500,
    message: string,
  ) {
    super(message);
    this.name = 'PortalError';
  }
}
