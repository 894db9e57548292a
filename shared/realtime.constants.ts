// Plain numbers of the realtime contract, importable by the browser bundle without TypeBox.

/** How many missed comments one `topic:join` returns; past that, `more` tells the client to reload over HTTP. */
export const CATCH_UP_MAX = 1_000;
/** A participant's typing notice is sent at most this often… */
export const TYPING_INTERVAL_MS = 3_000;
/** …and a client drops the "is typing" line when no notice renewed it for this long. */
export const TYPING_EXPIRES_MS = 6_000;
