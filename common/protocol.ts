// Custom messages between the extension and the language server, typed once and used by both.
import type { Forecast } from './forecast';

/** Request: the latest forecast of a document (computed now if none is ready). */
export namespace ForecastRequest {
  export const method = 'scenario/forecast';
  export interface Params {
    uri: string;
  }
  export interface Result {
    uri: string;
    /** The document version the forecast belongs to. */
    version: number;
    /** The last good forecast, or null when there has never been one. */
    forecast: Forecast | null;
    /** True when the document currently has errors and `forecast` is from an older version. */
    stale: boolean;
    /** Why there is no fresh forecast (errors, time budget, memory), in analyst words. */
    notice: string | null;
  }
}

/** Notification from the server: a new forecast is ready for a document. */
export namespace ForecastReadyNotification {
  export const method = 'scenario/forecastReady';
  export type Params = ForecastRequest.Result;
}
